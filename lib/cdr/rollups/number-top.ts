import { Prisma, type CallTopPeriod } from "@/lib/db/generated/client";

/** How many numbers a ranking keeps: the figure's length (lib/cdr/statistics/figures.ts). */
export const NUMBER_TOP = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
const firstOfMonth = (day: Date, months = 0) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));

/**
 * The period a date range is ranked by, if any: one day or one whole calendar month (the presets
 * today, this month and last month, and custom ranges of those). Any other range has no ranking.
 */
export function rankingPeriod(range: { from: Date; toExclusive: Date }): CallTopPeriod | null {
  const days = (range.toExclusive.getTime() - range.from.getTime()) / DAY_MS;
  if (days === 1) return "DAY";
  const month = firstOfMonth(range.from);
  return month.getTime() === range.from.getTime() && firstOfMonth(month, 1).getTime() === range.toExclusive.getTime() ? "MONTH" : null;
}

interface TRankedDays {
  /** The days of the periods rebuilt, [from, toExclusive): their daily roll-up rows are ranked again. */
  days: { from: Date; toExclusive: Date };
  /** The start of the period a roll-up row `d` counts in. */
  start: Prisma.Sql;
}

/**
 * What a refresh of the daily roll-up's days [fromDay, toDayExclusive) must rank again, per period:
 * those days, and the months they touch, whole.
 */
export function rankedDays(period: CallTopPeriod, fromDay: Date, toDayExclusive: Date): TRankedDays {
  switch (period) {
    case "DAY":
      return { days: { from: fromDay, toExclusive: toDayExclusive }, start: Prisma.sql`d."day"` };
    case "MONTH": {
      // From the first of the first month to the first of the month after the last day.
      const days = toDayExclusive <= fromDay
        ? { from: fromDay, toExclusive: fromDay }
        : { from: firstOfMonth(fromDay), toExclusive: firstOfMonth(new Date(toDayExclusive.getTime() - 1), 1) };
      return { days, start: Prisma.sql`date_trunc('month', d."day")::date` };
    }
  }
}

export const TOP_PERIODS: CallTopPeriod[] = ["DAY", "MONTH"];

/**
 * Rebuilds one period's rankings in `CallNumberTop` for the days a refresh touched, from
 * `CallNumberDailyRollup` (already refreshed in the same transaction): for every period start,
 * scope (everyone, each partner, customer and PBX), direction and area, and for every scope and
 * direction over all areas, the ten numbers with the most calls (then seconds, then number: the
 * figure's order). Per direction suffices: a number's calls in and out are separate entries of the
 * figure, so the ten of both directions are among the twenty kept. A call without an area counts
 * only in the all-areas ranking (a filter names an area).
 */
export async function refreshNumberTop(tx: Prisma.TransactionClient, period: CallTopPeriod, fromDay: Date, toDayExclusive: Date) {
  const statements = numberTopStatements(period, fromDay, toDayExclusive);
  if (!statements) return;
  await tx.$executeRaw(statements.delete);
  await tx.$executeRaw(statements.insert);
}

/** The DELETE and INSERT of `refreshNumberTop`, or null when the days hold no period start. */
export function numberTopStatements(period: CallTopPeriod, fromDay: Date, toDayExclusive: Date): { delete: Prisma.Sql; insert: Prisma.Sql } | null {
  const { days, start } = rankedDays(period, fromDay, toDayExclusive);
  if (days.toExclusive <= days.from) return null;
  const remove = Prisma.sql`DELETE FROM "CallNumberTop"
    WHERE "period" = ${period}::"CallTopPeriod" AND "fromDay" >= ${days.from}::date AND "fromDay" < ${days.toExclusive}::date`;
  const insert = Prisma.sql`
    INSERT INTO "CallNumberTop" ("period", "fromDay", "scopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", "calls", "seconds")
    SELECT ${period}::"CallTopPeriod", "fromDay", kind::"CallTopScopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", calls, seconds
    FROM (
      SELECT *, row_number() OVER (
        PARTITION BY "fromDay", kind, "partnerId", "customerId", "pbxId", "direction", "allAreas", "area"
        ORDER BY calls DESC, seconds DESC, "number") AS rank
      FROM (
        SELECT CASE WHEN grouping("pbxId") = 0 THEN 'PBX' WHEN grouping("customerId") = 0 THEN 'CUSTOMER'
                    WHEN grouping("partnerId") = 0 THEN 'PARTNER' ELSE 'ALL' END AS kind,
               "fromDay", "partnerId", "customerId", "pbxId", "direction", grouping("area") = 1 AS "allAreas", "area", "number",
               sum("calls")::int AS calls, sum("seconds") AS seconds
        FROM (
          SELECT ${start} AS "fromDay", d.*
          FROM "CallNumberDailyRollup" d
          WHERE d."day" >= ${days.from}::date AND d."day" < ${days.toExclusive}::date
        ) days
        GROUP BY "fromDay", "direction", "number", GROUPING SETS (
          ("partnerId", "customerId", "pbxId", "area"), ("partnerId", "customerId", "pbxId"),
          ("partnerId", "customerId", "area"), ("partnerId", "customerId"),
          ("partnerId", "area"), ("partnerId"),
          ("area"), ())
      ) grouped
      WHERE "allAreas" OR "area" IS NOT NULL
    ) ranked
    WHERE rank <= ${NUMBER_TOP}`;
  return { delete: remove, insert };
}
