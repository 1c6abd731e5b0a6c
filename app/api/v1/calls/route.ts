import { apiRoute } from "@/lib/api/api-route";
import { callsPage, listCallsEndpoint } from "@/lib/api/endpoints/records";

export const GET = apiRoute(listCallsEndpoint, ({ db, actor, query, now }) => callsPage(db, actor, query, now));
