import type { Db } from "@/lib/db/client";

/**
 * How long after a partner's local month ends the scheduled fan-out keeps asking for its invoice
 * while none exists (docs/decisions/0059): a month blocked by unrated calls is tried again each hour
 * until rating is fixed, and a month with nothing to bill stops being asked after this. Later, an
 * admin runs a month by hand.
 */
export const INVOICE_RUN_DAYS_AFTER_MONTH_END = 7;

/**
 * The partner-months whose invoice run is due at `now`: for each partner, its previous local
 * calendar month (in `Partner.timeZone`, docs/decisions/0041) once that month has ended in its
 * zone, during the first days of the next, when it has no invoice yet. One statement for every
 * partner (a tenant-wide job).
 */
export async function unsafeInvoiceableMonths(db: Db, now: Date): Promise<{ partnerId: string; month: string }[]> {
  return db.$queryRaw<{ partnerId: string; month: string }[]>`
    WITH local AS (
      SELECT p.id, p."timeZone" AS zone,
        date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone") - interval '1 month' AS previous,
        (${now}::timestamptz AT TIME ZONE p."timeZone") AS local_now
      FROM "Partner" p
    )
    SELECT l.id AS "partnerId", to_char(l.previous, 'YYYY-MM') AS month
    FROM local l
    WHERE l.local_now < l.previous + interval '1 month' + make_interval(days => ${INVOICE_RUN_DAYS_AFTER_MONTH_END})
      AND NOT EXISTS (
        SELECT 1 FROM "Invoice" i
        WHERE i."partnerId" = l.id AND i."periodStart" = ((l.previous AT TIME ZONE l.zone) AT TIME ZONE 'UTC'))
    ORDER BY 1`;
}
