import { apiRoute } from "@/lib/api/api-route";
import { apiInvoice, getInvoiceEndpoint } from "@/lib/api/endpoints/invoices";

export const GET = apiRoute(getInvoiceEndpoint, ({ db, actor, params }) => apiInvoice(db, actor, params.id));
