import { apiRoute } from "@/lib/api/api-route";
import { availability } from "@/lib/api/endpoints/number-handlers";
import { searchAvailabilityEndpoint } from "@/lib/api/endpoints/numbers";

export const GET = apiRoute(searchAvailabilityEndpoint, ({ db, actor, query }) => availability(db, actor, query));
