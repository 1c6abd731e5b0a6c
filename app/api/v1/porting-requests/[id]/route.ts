import { apiRoute } from "@/lib/api/api-route";
import { getPortingRequestEndpoint } from "@/lib/api/endpoints/porting";
import { apiPortingRequest } from "@/lib/api/endpoints/porting-handlers";

export const GET = apiRoute(getPortingRequestEndpoint, ({ db, actor, params }) =>
  apiPortingRequest(db, actor, params.id),
);
