import { buffer } from "node:stream/consumers";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDateIn, formatMoney } from "@/lib/format";
import { a4Document, contentWidth, PAGE, writeInBackground } from "@/lib/pricing/documents/pdf-layout";
import { SUPPLIER } from "../supplier";
import { billedToOf, PARTNER_AS_BILLED } from "../billed-to";
import { documentHead, figures, PageFlow, paragraph } from "./pdf-parts";

/**
 * A credit note as a PDF (R9: an issued invoice is corrected only by a credit note): the invoice's
 * head, the invoice it credits, the reason, and the net, VAT and total credited. For an id the
 * caller has authorised; a missing one is NOT_FOUND.
 */
export async function creditNotePdf(db: Db, creditNoteId: string): Promise<Buffer> {
  const note = await db.creditNote.findUnique({
    where: { id: creditNoteId },
    select: {
      number: true,
      reason: true,
      currency: true,
      net: true,
      vatAmount: true,
      total: true,
      issuedAt: true,
      invoice: {
        select: {
          number: true,
          issuedAt: true,
          vatRate: true,
          vatNote: true,
          billedTo: true,
          partner: { select: { ...PARTNER_AS_BILLED, timeZone: true } },
        },
      },
    },
  });
  if (!note) throw new AppError("NOT_FOUND", "No such credit note.");
  const { invoice } = note;
  const zone = invoice.partner.timeZone;
  const money = (amount: { toFixed(places: number): string }) => formatMoney(amount.toFixed(2), note.currency);
  const title = `Credit note ${note.number}`;
  const invoiceRef = `${invoice.number ?? "—"} of ${invoice.issuedAt ? formatDateIn(invoice.issuedAt, zone) : "—"}`;
  const doc = a4Document({ Title: `CLASSOUND ${title.toLowerCase()}`, Author: SUPPLIER.name });
  return buffer(
    writeInBackground(doc, async () => {
      const flow = new PageFlow(doc, { totalPages: 1, running: `CLASSOUND · ${title}`, isDraft: false });
      const width = contentWidth(doc);
      flow.place(
        documentHead(doc, {
          title,
          facts: [
            ["Credit note", note.number],
            ["Issue date", formatDateIn(note.issuedAt, zone)],
            ["Credits invoice", invoiceRef],
          ],
          billedTo: billedToOf(invoice.billedTo, invoice.partner),
        }),
      );
      flow.place(paragraph(doc, "Reason", PAGE.margin, width, { font: "bold", size: 9.5, gap: 2 }));
      flow.place(paragraph(doc, note.reason, PAGE.margin, width, { size: 9.5, gap: 18 }));
      const boxWidth = 230;
      flow.place(
        figures(
          doc,
          [
            { label: "Net credited", value: money(note.net) },
            { label: `VAT ${invoice.vatRate.toString()} %`, value: money(note.vatAmount) },
            { label: "Total credited", value: money(note.total), isStrong: true },
          ],
          PAGE.margin + width - boxWidth,
          boxWidth,
        ),
      );
      flow.place({ height: 12, paint: () => {} });
      flow.place(paragraph(doc, invoice.vatNote, PAGE.margin, width, { size: 9, gap: 8 }));
      flow.place(
        paragraph(
          doc,
          `This credit note reduces invoice ${invoiceRef} by ${money(note.total)}, VAT included.`,
          PAGE.margin,
          width,
          { size: 9 },
        ),
      );
      doc.end();
    }),
  );
}

/** "CLASSOUND-credit-note-CN-2026-000004.pdf". */
export const creditNoteFileName = (note: { number: string }) => `CLASSOUND-credit-note-${note.number}.pdf`;
