import { apiRoute } from "@/lib/api/api-route";
import { numbersPage } from "@/lib/api/endpoints/number-handlers";
import { listNumbersEndpoint } from "@/lib/api/endpoints/numbers";

export const GET = apiRoute(listNumbersEndpoint, ({ db, actor, query }) => numbersPage(db, actor, query));
