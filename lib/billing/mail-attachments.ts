import type { Db } from "@/lib/db/client";
import type { RenderedAttachment } from "@/lib/mail/attachments";
import { creditNoteFileName, creditNotePdf } from "./documents/credit-note-pdf";
import { invoiceFileName, invoicePdf } from "./documents/invoice-pdf";

// The billing documents a mail carries (lib/mail/attachments.ts), rendered when it is sent. The
// mail was written by the issue itself, so the document is the partner's own: no scope to check.

const PDF = "application/pdf";

export async function invoicePdfAttachment(db: Db, invoiceId: string): Promise<RenderedAttachment> {
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { number: true, periodStart: true, partner: { select: { name: true, timeZone: true } } },
  });
  if (!invoice.number) throw new Error(`Invoice ${invoiceId} is a draft: nothing to send`);
  return { filename: invoiceFileName(invoice, "pdf"), contentType: PDF, content: await invoicePdf(db, invoiceId) };
}

export async function creditNotePdfAttachment(db: Db, creditNoteId: string): Promise<RenderedAttachment> {
  const note = await db.creditNote.findUniqueOrThrow({ where: { id: creditNoteId }, select: { number: true } });
  return {
    filename: creditNoteFileName(note),
    contentType: PDF,
    content: await creditNotePdf(db, creditNoteId),
  };
}
