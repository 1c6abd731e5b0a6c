import { Readable } from "node:stream";
import { z } from "zod";
import { invoiceFileName, invoicePdfStream } from "@/lib/billing/documents/invoice-pdf";
import { readableInvoice } from "@/lib/billing/queries";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

// Read through the actor's scope first: another partner's invoice, a partner's draft and a malformed
// id are all the 404 a missing one is, before a byte is written. Then streamed as pdfkit writes it.
export const GET = route(
  { permission: "invoices.view", params: z.object({ id: ZId }) },
  async ({ params, actor, db }) => {
    const invoice = await readableInvoice(db, actor, params.id);
    const pdf = await invoicePdfStream(db, invoice.id);
    return new Response(Readable.toWeb(pdf) as ReadableStream, {
      headers: downloadHeaders(
        { fileName: invoiceFileName(invoice, "pdf"), contentType: "application/pdf" },
        "attachment",
      ),
    });
  },
);
