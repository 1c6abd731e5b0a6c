import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { DraftLine } from "./lines";

// A batch's writes, set-based (docs/decisions/0064): one statement per kind of change for all the
// batch's partners, never one per invoice or line.

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** A cuid-shaped id ("c" + 24 base-36 characters, what ZId accepts) for rows written in SQL. */
export const newRowId = () => `c${randomBytes(12).toString("hex")}`;

/** Lines per INSERT: the JSON of 5,000 lines is a few MB, one bind parameter. */
const LINES_PER_STATEMENT = 5_000;

export interface DraftInvoice {
  /** The existing draft's id (rebuilt in place) or a new one. */
  id: string;
  partnerId: string;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  net: Prisma.Decimal;
  vatRate: Prisma.Decimal;
  vatAmount: Prisma.Decimal;
  vatNote: string;
  reverseCharge: boolean;
  total: Prisma.Decimal;
  billedTo: object;
  createdAt: Date;
  lines: DraftLine[];
}

/** Frees what these drafts billed, and their lines, so the run gathers again from the charges themselves. */
export async function releaseDrafts(tx: Tx, invoiceIds: string[]) {
  if (!invoiceIds.length) return;
  await tx.$executeRawUnsafe(`DELETE FROM "InvoiceLine" WHERE "invoiceId" = ANY($1::text[])`, invoiceIds);
  await tx.$executeRawUnsafe(
    `UPDATE "ServiceCharge" SET "invoiceId" = NULL WHERE "invoiceId" = ANY($1::text[])`,
    invoiceIds,
  );
  await tx.$executeRawUnsafe(
    `UPDATE "NumberOrderLine" SET "invoiceId" = NULL WHERE "invoiceId" = ANY($1::text[])`,
    invoiceIds,
  );
}

/** Deletes released drafts (a month now blocked, empty or failed: a stale draft must never be issued). */
export async function deleteDrafts(tx: Tx, invoiceIds: string[]) {
  if (invoiceIds.length)
    await tx.$executeRawUnsafe(`DELETE FROM "Invoice" WHERE id = ANY($1::text[]) AND status = 'DRAFT'`, invoiceIds);
}

// Timestamps travel as ISO text: a `timestamp` column keeps the UTC wall time and ignores the "Z".
const INVOICES_SQL = `
INSERT INTO "Invoice" (id, "partnerId", "periodStart", "periodEnd", status, currency, net, "vatRate", "vatAmount",
  "vatNote", "reverseCharge", total, "billedTo", "createdAt")
SELECT d.id, d."partnerId", d."periodStart", d."periodEnd", 'DRAFT', d.currency, d.net, d."vatRate", d."vatAmount",
  d."vatNote", d."reverseCharge", d.total, d."billedTo", d."createdAt"
FROM json_to_recordset($1::json) AS d(id text, "partnerId" text, "periodStart" timestamp, "periodEnd" timestamp,
  currency text, net numeric, "vatRate" numeric, "vatAmount" numeric, "vatNote" text, "reverseCharge" boolean,
  total numeric, "billedTo" jsonb, "createdAt" timestamp)
ON CONFLICT (id) DO UPDATE SET "periodEnd" = excluded."periodEnd", currency = excluded.currency, net = excluded.net,
  "vatRate" = excluded."vatRate", "vatAmount" = excluded."vatAmount", "vatNote" = excluded."vatNote",
  "reverseCharge" = excluded."reverseCharge", total = excluded.total, "billedTo" = excluded."billedTo"`;

const LINES_SQL = `
INSERT INTO "InvoiceLine" (id, "invoiceId", kind, "pbxId", area, "countryCode", "freephoneSource", description,
  quantity, "unitPrice", amount, formula, "sortOrder")
SELECT l.id, l."invoiceId", l.kind::"InvoiceLineKind", l."pbxId", l.area, l."countryCode",
  l."freephoneSource"::"FreephoneSource", l.description, l.quantity, l."unitPrice", l.amount, l.formula, l."sortOrder"
FROM json_to_recordset($1::json) AS l(id text, "invoiceId" text, kind text, "pbxId" text, area int, "countryCode" text,
  "freephoneSource" text, description text, quantity numeric, "unitPrice" numeric, amount numeric, formula text,
  "sortOrder" int)`;

/** Marks billed rows as invoiced, only those not invoiced yet: the count says whether all were. */
const claimSql = (table: "ServiceCharge" | "NumberOrderLine") => `
UPDATE "${table}" t SET "invoiceId" = c.invoice FROM unnest($1::text[], $2::text[]) AS c(id, invoice)
WHERE t.id = c.id AND t."invoiceId" IS NULL`;

/**
 * Writes the drafts (new ones inserted, existing drafts updated in place), their lines, and marks
 * each billed charge and order line as invoiced. Under the run's locks nobody else claims these rows;
 * the count check still refuses (rolls the batch back) rather than bill a row twice if one was.
 */
export async function writeDrafts(tx: Tx, drafts: DraftInvoice[]) {
  if (!drafts.length) return;
  // Without their lines, which go in statements of their own.
  await tx.$executeRawUnsafe(INVOICES_SQL, JSON.stringify(drafts.map((d) => ({ ...d, lines: undefined }))));
  const lines = drafts.flatMap((d) =>
    d.lines.map((l, sortOrder) => ({
      id: newRowId(),
      invoiceId: d.id,
      kind: l.kind,
      pbxId: l.pbxId,
      area: l.area,
      countryCode: l.countryCode,
      freephoneSource: l.freephoneSource,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      formula: l.formula,
      sortOrder,
    })),
  );
  for (let i = 0; i < lines.length; i += LINES_PER_STATEMENT)
    await tx.$executeRawUnsafe(LINES_SQL, JSON.stringify(lines.slice(i, i + LINES_PER_STATEMENT)));

  const billed = (key: "chargeId" | "orderLineId") => {
    const pairs = drafts.flatMap((d) => d.lines.flatMap((l) => (l[key] ? [[l[key], d.id] as const] : [])));
    return [pairs.map(([id]) => id), pairs.map(([, invoice]) => invoice)] as const;
  };
  for (const [table, key] of [
    ["ServiceCharge", "chargeId"],
    ["NumberOrderLine", "orderLineId"],
  ] as const) {
    const [ids, invoices] = billed(key);
    if (ids.length && (await tx.$executeRawUnsafe(claimSql(table), ids, invoices)) !== ids.length)
      throw new Error("A charge of this month was invoiced by another run meanwhile: run the month again.");
  }
}
