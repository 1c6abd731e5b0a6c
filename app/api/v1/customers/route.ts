import { apiRoute } from "@/lib/api/api-route";
import { customersPage, listCustomersEndpoint } from "@/lib/api/endpoints/customers";

export const GET = apiRoute(listCustomersEndpoint, ({ db, actor, query }) => customersPage(db, actor, query));
