import { apiRoute } from "@/lib/api/api-route";
import { cancelPortingRequestEndpoint } from "@/lib/api/endpoints/porting";
import { cancelApiPortingRequest } from "@/lib/api/endpoints/porting-handlers";

export const POST = apiRoute(cancelPortingRequestEndpoint, ({ db, actor, params, body }) =>
  cancelApiPortingRequest(db, actor, params.id, body),
);
