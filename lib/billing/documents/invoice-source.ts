import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { billedToOf, PARTNER_AS_BILLED, type BilledTo } from "../billed-to";

// What the invoice documents print, read for an id the caller has already authorised (the route
// reads the invoice through `scope.invoices` first): the head in one query, the lines in pages.

export type { BilledTo } from "../billed-to";

const HEAD = {
  id: true,
  number: true,
  status: true,
  currency: true,
  net: true,
  vatRate: true,
  vatAmount: true,
  vatNote: true,
  reverseCharge: true,
  total: true,
  billedTo: true,
  periodStart: true,
  issuedAt: true,
  dueAt: true,
  partner: { select: { ...PARTNER_AS_BILLED, timeZone: true } },
  creditNotes: { select: { number: true, issuedAt: true, total: true }, orderBy: { issuedAt: "asc" } },
  _count: { select: { lines: true } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceHead = Omit<Prisma.InvoiceGetPayload<{ select: typeof HEAD }>, "billedTo"> & { billedTo: BilledTo };

export async function invoiceHead(db: Db, invoiceId: string): Promise<InvoiceHead> {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, select: HEAD });
  if (!invoice) throw new AppError("NOT_FOUND", "No such invoice.");
  return { ...invoice, billedTo: billedToOf(invoice.billedTo, invoice.partner) };
}

/** A line as the documents print it: money as exact decimal text, the PBX and its customer by name. */
export interface LineRow {
  sortOrder: number;
  pbxId: string | null;
  pbxName: string | null;
  customerName: string | null;
  kind: string;
  description: string;
  formula: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

// Keyset pages on sortOrder (unique within an invoice): each page is one short query, so a
// 10,000-line invoice never sits in memory, and text casts keep the decimals exact.
const linesSql = (figures: string) => `
SELECT l."sortOrder", l."pbxId", x.name AS "pbxName", c.name AS "customerName", l.description, l.formula${figures}
FROM "InvoiceLine" l
LEFT JOIN "Pbx" x ON x.id = l."pbxId"
LEFT JOIN "Customer" c ON c.id = x."customerId"
WHERE l."invoiceId" = $1 AND l."sortOrder" > $2
ORDER BY l."sortOrder"
LIMIT $3`;
const LINES_SQL = linesSql(
  `, l.kind::text AS kind, l.quantity::text AS quantity, l."unitPrice"::text AS "unitPrice", l.amount::text AS amount`,
);
// What the page layout needs to measure a row: its texts, not its figures (they never wrap).
const TEXTS_SQL = linesSql("");

/** A line's texts only, for laying pages out. */
export type LineTexts = Pick<LineRow, "sortOrder" | "pbxId" | "pbxName" | "customerName" | "description" | "formula">;

/** The invoice's lines in their order (by PBX, then kind: decision 0059), read `pageSize` at a time. */
export function invoiceLines(db: Db, invoiceId: string, pageSize = 2_000): AsyncGenerator<LineRow> {
  return pages<LineRow>(db, LINES_SQL, invoiceId, pageSize);
}

/** The same lines with their texts only: a lighter read for the pass that counts pages. */
export function invoiceLineTexts(db: Db, invoiceId: string, pageSize = 2_000): AsyncGenerator<LineTexts> {
  return pages<LineTexts>(db, TEXTS_SQL, invoiceId, pageSize);
}

async function* pages<T extends { sortOrder: number }>(db: Db, sql: string, invoiceId: string, pageSize: number) {
  let after = -1;
  for (;;) {
    const page = await db.$queryRawUnsafe<T[]>(sql, invoiceId, after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.sortOrder;
  }
}

/** The PBX heading of a line: its PBX and customer, or the charges of no PBX. */
export const groupTitle = (line: Pick<LineRow, "pbxId" | "pbxName" | "customerName">) =>
  line.pbxId === null ? "Other charges" : `${line.pbxName ?? "Removed PBX"} · ${line.customerName ?? ""}`.trim();

/** "2026-000012", or DRAFT for an invoice not issued (it has no number yet). */
export const invoiceLabel = (invoice: Pick<InvoiceHead, "number">) => invoice.number ?? "DRAFT";
