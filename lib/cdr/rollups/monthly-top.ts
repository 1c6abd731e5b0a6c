import type { Prisma } from "@/lib/db/generated/client";

/** How many numbers a ranking keeps: the figure's length (lib/cdr/statistics/figures.ts). */
export const MONTHLY_TOP = 10;

/** The first day (UTC) of every month in [fromDay, toDayExclusive). */
export function monthsOfDays(fromDay: Date, toDayExclusive: Date): Date[] {
  const months: Date[] = [];
  if (toDayExclusive <= fromDay) return months;
  const last = new Date(toDayExclusive.getTime() - 1);
  for (let m = new Date(Date.UTC(fromDay.getUTCFullYear(), fromDay.getUTCMonth(), 1)); m <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m);
  }
  return months;
}

/**
 * Rebuilds one month of `CallNumberMonthlyTop` from that month's `CallNumberDailyRollup` (already
 * refreshed in the same transaction): for every scope (everyone, each partner, customer and PBX),
 * direction and area, and for every scope and direction over all areas, the ten numbers with the
 * most calls (then seconds, then number: the figure's order). Per direction suffices: a number's
 * calls in and out are separate entries of the figure, so the ten of both directions are among the
 * twenty kept. A call without an area counts only in the all-areas ranking (a filter names an area).
 */
export async function refreshMonthlyTop(tx: Prisma.TransactionClient, month: Date) {
  const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  await tx.$executeRaw`DELETE FROM "CallNumberMonthlyTop" WHERE "month" = ${month}::date`;
  await tx.$executeRaw`
    INSERT INTO "CallNumberMonthlyTop" ("month", "scopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", "calls", "seconds")
    SELECT ${month}::date, kind::"CallTopScopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", calls, seconds
    FROM (
      SELECT *, row_number() OVER (
        PARTITION BY kind, "partnerId", "customerId", "pbxId", "direction", "allAreas", "area"
        ORDER BY calls DESC, seconds DESC, "number") AS rank
      FROM (
        SELECT CASE WHEN grouping("pbxId") = 0 THEN 'PBX' WHEN grouping("customerId") = 0 THEN 'CUSTOMER'
                    WHEN grouping("partnerId") = 0 THEN 'PARTNER' ELSE 'ALL' END AS kind,
               "partnerId", "customerId", "pbxId", "direction", grouping("area") = 1 AS "allAreas", "area", "number",
               sum("calls")::int AS calls, sum("seconds") AS seconds
        FROM "CallNumberDailyRollup"
        WHERE "day" >= ${month}::date AND "day" < ${next}::date
        GROUP BY "direction", "number", GROUPING SETS (
          ("partnerId", "customerId", "pbxId", "area"), ("partnerId", "customerId", "pbxId"),
          ("partnerId", "customerId", "area"), ("partnerId", "customerId"),
          ("partnerId", "area"), ("partnerId"),
          ("area"), ())
      ) grouped
      WHERE "allAreas" OR "area" IS NOT NULL
    ) ranked
    WHERE rank <= ${MONTHLY_TOP}`;
}
