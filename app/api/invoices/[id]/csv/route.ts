import { z } from "zod";
import { invoiceCsv } from "@/lib/billing/documents/invoice-csv";
import { invoiceFileName } from "@/lib/billing/documents/invoice-pdf";
import { readableInvoice } from "@/lib/billing/queries";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

// Authorised through the actor's scope before anything is read: outside it is the 404 of a missing id.
export const GET = route(
  { permission: "invoices.view", params: z.object({ id: ZId }) },
  async ({ params, actor, db }) => {
    const invoice = await readableInvoice(db, actor, params.id);
    const body = new TextEncoder().encode(await invoiceCsv(db, invoice.id));
    return new Response(body, {
      headers: downloadHeaders(
        {
          fileName: invoiceFileName(invoice, "csv"),
          contentType: "text/csv; charset=utf-8",
          sizeBytes: body.byteLength,
        },
        "attachment",
      ),
    });
  },
);
