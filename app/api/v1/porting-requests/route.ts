import { apiRoute } from "@/lib/api/api-route";
import { listPortingRequestsEndpoint, submitPortingRequestEndpoint } from "@/lib/api/endpoints/porting";
import { portingRequestsPage, submitApiPortingRequest } from "@/lib/api/endpoints/porting-handlers";

export const GET = apiRoute(listPortingRequestsEndpoint, ({ db, actor, query }) =>
  portingRequestsPage(db, actor, query),
);

export const POST = apiRoute(submitPortingRequestEndpoint, ({ db, actor, body }) =>
  submitApiPortingRequest(db, actor, body),
);
