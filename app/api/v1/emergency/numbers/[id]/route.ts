import { apiRoute } from "@/lib/api/api-route";
import { getEmergencyNumberEndpoint, setEmergencyNumberEndpoint } from "@/lib/api/endpoints/emergency";
import { apiEmergencyNumber, setApiEmergencyNumber } from "@/lib/api/endpoints/emergency-numbers";

export const GET = apiRoute(getEmergencyNumberEndpoint, ({ db, actor, params }) =>
  apiEmergencyNumber(db, actor, params.id),
);

export const PUT = apiRoute(setEmergencyNumberEndpoint, ({ db, actor, params, body, now }) =>
  setApiEmergencyNumber(db, actor, params.id, body, now),
);
