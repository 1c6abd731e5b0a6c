import { apiRoute } from "@/lib/api/api-route";
import { apiInvoiceDocument, invoicePdfEndpoint } from "@/lib/api/endpoints/invoices";

export const GET = apiRoute(invoicePdfEndpoint, ({ db, actor, params }) =>
  apiInvoiceDocument(db, actor, params.id, "pdf"),
);
