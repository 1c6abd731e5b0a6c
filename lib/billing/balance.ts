import { Prisma } from "@/lib/db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

export interface InvoiceBalance {
  id: string;
  number: string | null;
  status: "DRAFT" | "ISSUED" | "PAID" | "OVERDUE";
  currency: string;
  net: Prisma.Decimal;
  vatRate: Prisma.Decimal;
  /** The invoice's total less its credit notes' totals: what the partner owes in all. */
  due: Prisma.Decimal;
  /** The sum of its payments. */
  paid: Prisma.Decimal;
  /** Net already credited by its credit notes. */
  credited: Prisma.Decimal;
}

type Amount = "net" | "vatRate" | "due" | "paid" | "credited";

/**
 * Invoices with what is credited and paid against them, their rows locked (FOR UPDATE) in id order:
 * payments and credit notes of one invoice are decided one after the other, so two at once can
 * never together pass a limit each passes alone.
 */
export async function lockedBalances(tx: Tx, where: { ids?: string[]; numbers?: string[] }) {
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Invoice"
    WHERE id = ANY(${where.ids ?? []}::text[]) OR number = ANY(${where.numbers ?? []}::text[])
    ORDER BY id FOR UPDATE`;
  // A second statement, so its snapshot is taken once the locks are held: it sees the credit notes
  // and payments of whoever held them before (one statement would read them as of its own start).
  const rows = await tx.$queryRaw<(Omit<InvoiceBalance, Amount> & Record<Amount, string>)[]>`
    SELECT i.id, i.number, i.status::text AS status, i.currency, i.net::text AS net, i."vatRate"::text AS "vatRate",
      (i.total - coalesce((SELECT sum(c.total) FROM "CreditNote" c WHERE c."invoiceId" = i.id), 0))::text AS due,
      coalesce((SELECT sum(p.amount) FROM "InvoicePayment" p WHERE p."invoiceId" = i.id), 0)::text AS paid,
      coalesce((SELECT sum(c.net) FROM "CreditNote" c WHERE c."invoiceId" = i.id), 0)::text AS credited
    FROM "Invoice" i
    WHERE i.id = ANY(${ids.map((row) => row.id)}::text[])`;
  const D = Prisma.Decimal;
  return rows.map((r): InvoiceBalance => ({
    ...r,
    net: new D(r.net),
    vatRate: new D(r.vatRate),
    due: new D(r.due),
    paid: new D(r.paid),
    credited: new D(r.credited),
  }));
}

/** What is still to pay, never below 0. */
export const outstanding = (b: Pick<InvoiceBalance, "due" | "paid">) => Prisma.Decimal.max(b.due.sub(b.paid), 0);

/**
 * Marks PAID every one of these issued or overdue invoices whose payments now cover its total less
 * its credit notes, in one UPDATE; `paidAt` is the day of its last payment (or now, when credit
 * notes alone settled it). Returns the numbers of the invoices it marked.
 */
export async function settlePaidInvoices(tx: Tx, invoiceIds: string[], now: Date): Promise<string[]> {
  if (!invoiceIds.length) return [];
  const rows = await tx.$queryRaw<{ number: string }[]>`
    UPDATE "Invoice" i SET status = 'PAID', "paidAt" = coalesce(s.last::timestamp, ${now}::timestamptz AT TIME ZONE 'UTC')
    FROM (
      SELECT x.id, x.total - coalesce((SELECT sum(total) FROM "CreditNote" c WHERE c."invoiceId" = x.id), 0) AS due,
        coalesce((SELECT sum(amount) FROM "InvoicePayment" p WHERE p."invoiceId" = x.id), 0) AS paid,
        (SELECT max("paidOn") FROM "InvoicePayment" p WHERE p."invoiceId" = x.id) AS last
      FROM "Invoice" x WHERE x.id = ANY(${invoiceIds}::text[])
    ) s
    WHERE i.id = s.id AND i.status IN ('ISSUED', 'OVERDUE') AND s.paid >= s.due
    RETURNING i.number`;
  return rows.map((r) => r.number).sort();
}
