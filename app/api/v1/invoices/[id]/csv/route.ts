import { apiRoute } from "@/lib/api/api-route";
import { apiInvoiceDocument, invoiceCsvEndpoint } from "@/lib/api/endpoints/invoices";

export const GET = apiRoute(invoiceCsvEndpoint, ({ db, actor, params }) =>
  apiInvoiceDocument(db, actor, params.id, "csv"),
);
