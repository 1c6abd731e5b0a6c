import { buffer } from "node:stream/consumers";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { formatDateIn, formatMoney, formatMonthIn, monthKeyIn } from "@/lib/format";
import {
  a4Document,
  columnWidths,
  contentWidth,
  MUTED,
  PAGE,
  measureRow,
  tableRow,
  writeInBackground,
  type Doc,
  type RowStyle,
} from "@/lib/pricing/documents/pdf-layout";
import type { ColumnKind } from "@/lib/pricing/documents/sections";
import { SUPPLIER } from "../supplier";
import {
  groupTitle,
  invoiceHead,
  invoiceLines,
  invoiceLineTexts,
  type InvoiceHead,
  type LineRow,
  type LineTexts,
} from "./invoice-source";
import { documentHead, figures, PageFlow, paragraph, stack, type Block } from "./pdf-parts";

/** What a draft says where an issued invoice has its number: it cannot be paid or passed on as one. */
export const DRAFT_TITLE = "DRAFT — not a valid invoice";

// Sized so a unit price of 5 decimals and an amount of millions stay on one line.
const COLUMNS: { header: string; kind: ColumnKind; weight: number }[] = [
  { header: "Description", kind: "text", weight: 2.9 },
  { header: "Formula", kind: "text", weight: 4.0 },
  { header: "Quantity", kind: "fee", weight: 1.2 },
  { header: "Unit price", kind: "rate", weight: 1.7 },
  { header: "Amount", kind: "fee", weight: 1.8 },
];
const FULL_WIDTH = [{ kind: "text" as const, weight: 1 }];
/** Quantity, unit price and amount are never wrapped: their columns are sized for them. */
const ONE_LINE = COLUMNS.map((c) => c.kind !== "text");

/**
 * The invoice as a PDF stream (issue 33): both companies, the lines grouped by PBX with a subtotal
 * each, net, VAT with its statement, total, payment details and the credit notes that correct it.
 * For an id the caller has authorised; a missing one is NOT_FOUND before a byte is written. The
 * lines are read twice in pages, once to count the pages and once to draw them, so memory stays
 * flat however many lines there are (docs/decisions/0062).
 */
export async function invoicePdfStream(db: Db, invoiceId: string): Promise<Doc> {
  const head = await invoiceHead(db, invoiceId);
  const doc = a4Document({
    Title: `CLASSOUND ${head.number ? `invoice ${head.number}` : DRAFT_TITLE}`,
    Author: SUPPLIER.name,
    Subject: `${head.billedTo.name} · ${formatMonthIn(head.periodStart, head.partner.timeZone)}`,
  });
  return writeInBackground(doc, async () => {
    const totalPages = await layOut(doc, head, invoiceLineTexts(db, invoiceId), null);
    await layOut(doc, head, invoiceLines(db, invoiceId), {
      totalPages,
      running: `CLASSOUND · ${head.number ? `Invoice ${head.number}` : DRAFT_TITLE} · ${head.billedTo.name} · ${formatMonthIn(head.periodStart, head.partner.timeZone)}`,
      isDraft: head.status === "DRAFT",
    });
    doc.end();
  });
}

/** The whole PDF in memory, e.g. to attach to an e-mail. */
export async function invoicePdf(db: Db, invoiceId: string): Promise<Buffer> {
  return buffer(await invoicePdfStream(db, invoiceId));
}

/**
 * "CLASSOUND-invoice-2026-000012.pdf"; a draft, which has no number, by partner and local month:
 * "CLASSOUND-invoice-DRAFT-Alpentel-GmbH-2026-10.pdf".
 */
export function invoiceFileName(
  invoice: { number: string | null; periodStart: Date; partner: { name: string; timeZone: string } },
  extension: "pdf" | "csv",
) {
  const name = invoice.number
    ? invoice.number
    : `DRAFT-${invoice.partner.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${monthKeyIn(invoice.periodStart, invoice.partner.timeZone)}`;
  return `CLASSOUND-invoice-${name}.${extension}`;
}

const money = (amount: string | Prisma.Decimal, currency: string, places = 2) =>
  formatMoney(typeof amount === "string" ? amount : amount.toFixed(places), currency, places);

function facts(head: InvoiceHead): [string, string][] {
  const zone = head.partner.timeZone;
  const isDraft = head.status === "DRAFT";
  return [
    ["Invoice number", head.number ?? "None (draft)"],
    ["Issue date", head.issuedAt ? formatDateIn(head.issuedAt, zone) : "Not issued"],
    ["Due date", head.dueAt ? formatDateIn(head.dueAt, zone) : `${SUPPLIER.paymentTermDays} days after issue`],
    ["Period", formatMonthIn(head.periodStart, zone)],
    ...(isDraft ? [] : ([["Status", head.status[0] + head.status.slice(1).toLowerCase()]] as [string, string][])),
  ];
}

interface Group {
  title: string;
  pbxId: string | null;
  subtotal: Prisma.Decimal;
  rows: number;
}

/** Lays the invoice out; paints it when `painting` is given. Returns the number of pages. */
async function layOut(
  doc: Doc,
  head: InvoiceHead,
  lines: AsyncIterable<LineRow | LineTexts>,
  painting: ConstructorParameters<typeof PageFlow>[1],
): Promise<number> {
  const flow = new PageFlow(doc, painting);
  const width = contentWidth(doc);
  const widths = columnWidths(doc, COLUMNS);
  const fullWidth = [width];
  const cur = head.currency;
  const row = (texts: string[], style: RowStyle, columns: { kind: ColumnKind }[] = COLUMNS, w = widths): Block => {
    const { height, lines } = measureRow(doc, w, texts, style, ONE_LINE);
    return { height, paint: (y) => tableRow(doc, columns, w, texts, y, height, style, { align: "top", lines }) };
  };
  const tableHeader = () =>
    row(
      COLUMNS.map((c) => c.header),
      "header",
    );
  const groupRow = (title: string) => row([title], "group", FULL_WIDTH, fullWidth);

  flow.place(
    documentHead(doc, {
      title: head.number ? `Invoice ${head.number}` : DRAFT_TITLE,
      facts: facts(head),
      billedTo: head.billedTo,
    }),
  );
  let group: Group | undefined;
  flow.repeat = () => {
    flow.place(tableHeader());
    if (group) flow.place(groupRow(`${group.title} (continued)`));
  };
  await flow.room(tableHeader().height + 60);
  flow.place(tableHeader());

  const closeGroup = async (g: Group) => {
    const subtotal = row(["Subtotal", "", "", "", flow.isPainting ? money(g.subtotal, cur) : ""], "total");
    await flow.room(subtotal.height);
    flow.place(subtotal);
  };
  for await (const line of lines) {
    // The figures take one line each (ONE_LINE): the pass that counts pages reads and formats none.
    const figures =
      "amount" in line
        ? [new Prisma.Decimal(line.quantity).toString(), money(line.unitPrice, cur, 5), money(line.amount, cur)]
        : ["", "", ""];
    const lineRow = (style: RowStyle) => row([line.description, line.formula, ...figures], style);
    if (!group || group.pbxId !== line.pbxId) {
      if (group) await closeGroup(group);
      group = undefined;
      const title = groupTitle(line);
      const heading = groupRow(title);
      // A heading never ends a page: it goes with its first line.
      await flow.room(heading.height + lineRow("plain").height);
      flow.place(heading);
      group = { title, pbxId: line.pbxId, subtotal: new Prisma.Decimal(0), rows: 0 };
    }
    const block = lineRow(group.rows % 2 ? "stripe" : "plain");
    await flow.room(block.height);
    flow.place(block);
    if ("amount" in line) group.subtotal = group.subtotal.add(line.amount);
    group.rows += 1;
  }
  if (group) await closeGroup(group);
  group = undefined;
  flow.repeat = () => {};

  flow.place({ height: 14, paint: () => {} });
  const totals = totalsBlock(doc, head);
  await flow.room(totals.height);
  flow.place(totals);
  return flow.page;
}

function totalsBlock(doc: Doc, head: InvoiceHead): Block {
  const cur = head.currency;
  const width = contentWidth(doc);
  const boxWidth = 230;
  const right = PAGE.margin + width - boxWidth;
  const zone = head.partner.timeZone;
  const due = head.dueAt ? formatDateIn(head.dueAt, zone) : `${SUPPLIER.paymentTermDays} days after the issue date`;
  const payment = head.number
    ? `Please pay ${money(head.total, cur)} by ${due} by bank transfer to ${SUPPLIER.name}, ${SUPPLIER.bank}, quoting invoice ${head.number}.`
    : `Not payable: a draft under review. Once issued, payment is due ${due}, by bank transfer to ${SUPPLIER.name}, ${SUPPLIER.bank}.`;
  const text = { size: 9, gap: 8 };
  return stack([
    figures(
      doc,
      [
        { label: "Net", value: money(head.net, cur) },
        { label: `VAT ${head.vatRate.toString()} %`, value: money(head.vatAmount, cur) },
        { label: "Total", value: money(head.total, cur), isStrong: true },
      ],
      right,
      boxWidth,
    ),
    { height: 12, paint: () => {} },
    paragraph(doc, head.vatNote, PAGE.margin, width, text),
    paragraph(doc, "Payment", PAGE.margin, width, { font: "bold", size: 9.5, gap: 2 }),
    paragraph(doc, payment, PAGE.margin, width, text),
    ...(head.creditNotes.length
      ? [
          paragraph(doc, "Credit notes", PAGE.margin, width, { font: "bold", size: 9.5, gap: 2 }),
          ...head.creditNotes.map((note) =>
            paragraph(
              doc,
              `${note.number} of ${formatDateIn(note.issuedAt, zone)} credits ${money(note.total, cur)} (VAT included).`,
              PAGE.margin,
              width,
              { size: 9, gap: 2 },
            ),
          ),
          { height: 6, paint: () => {} },
        ]
      : []),
    paragraph(
      doc,
      `${head._count.lines} lines. Prices exclude VAT; unit prices to 5 decimals, amounts rounded half-up to the cent per line.`,
      PAGE.margin,
      width,
      { size: 8, color: MUTED },
    ),
  ]);
}
