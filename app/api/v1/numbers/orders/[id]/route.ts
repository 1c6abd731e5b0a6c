import { apiRoute } from "@/lib/api/api-route";
import { apiNumberOrder } from "@/lib/api/endpoints/number-handlers";
import { getNumberOrderEndpoint } from "@/lib/api/endpoints/numbers";

export const GET = apiRoute(getNumberOrderEndpoint, ({ db, actor, params }) => apiNumberOrder(db, actor, params.id));
