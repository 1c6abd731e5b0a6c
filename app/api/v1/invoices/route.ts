import { apiRoute } from "@/lib/api/api-route";
import { invoicesPage, listInvoicesEndpoint } from "@/lib/api/endpoints/invoices";

export const GET = apiRoute(listInvoicesEndpoint, ({ db, actor, query }) => invoicesPage(db, actor, query));
