import { apiRoute } from "@/lib/api/api-route";
import { listEmergencyNumbersEndpoint } from "@/lib/api/endpoints/emergency";
import { emergencyNumbersPage } from "@/lib/api/endpoints/emergency-numbers";

export const GET = apiRoute(listEmergencyNumbersEndpoint, ({ db, actor, query }) =>
  emergencyNumbersPage(db, actor, query),
);
