import type { Prisma } from "@/lib/db/generated/client";
import type { DocumentSeries } from "@/lib/db/generated/enums";

/**
 * The supplier's zone: a document's year is the year of its issue date where the supplier is
 * established (lib/billing/supplier.ts, Italy), so an invoice issued at 00:30 on 1 January in Rome
 * is the new year's even though it is still 31 December in UTC.
 */
export const SUPPLIER_TIME_ZONE = "Europe/Rome";

const YEAR = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: SUPPLIER_TIME_ZONE });

export function documentYear(issuedAt: Date): number {
  return Number(YEAR.format(issuedAt));
}

const PREFIX: Record<DocumentSeries, string> = { INVOICE: "", CREDIT_NOTE: "CN-" };

/** "2026-000001" for invoices, "CN-2026-000001" for credit notes. */
export function formatDocumentNumber(series: DocumentSeries, year: number, sequence: number) {
  return `${PREFIX[series]}${year}-${String(sequence).padStart(6, "0")}`;
}

/**
 * The next number of a series and year, gapless (docs/decisions/0061). Must run inside the caller's
 * transaction: the upsert holds the series row's lock until that transaction ends, so issues take
 * their numbers one after the other, and a rollback undoes the increment, giving the number back.
 * Take it as late as possible in the transaction: every other issue of the series waits meanwhile.
 */
export async function nextDocumentNumber(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  series: DocumentSeries,
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentNumberSeries" (series, year, last) VALUES (${series}::"DocumentSeries", ${year}, 1)
    ON CONFLICT (series, year) DO UPDATE SET last = "DocumentNumberSeries".last + 1
    RETURNING last`;
  return formatDocumentNumber(series, year, row!.last);
}

const DAY = new Intl.DateTimeFormat("en-CA", { dateStyle: "short", timeZone: SUPPLIER_TIME_ZONE });

/** Today where the supplier is, "2026-12-07": the latest day a payment can have arrived on. */
export function supplierDay(now: Date): string {
  return DAY.format(now);
}
