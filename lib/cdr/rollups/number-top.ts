import { dateRange } from "@/lib/cdr/statistics/filters";
import { Prisma, type CallTopPeriod } from "@/lib/db/generated/client";

/** How many numbers a ranking keeps: the figure's length (lib/cdr/statistics/figures.ts). */
export const NUMBER_TOP = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
const SEVEN_DAYS_MS = 7 * DAY_MS;
const firstOfMonth = (day: Date, months = 0) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);
type TDays = { from: Date; toExclusive: Date };
const NO_DAYS = (at: Date): TDays => ({ from: at, toExclusive: at });

/**
 * The period a date range is ranked by, if any: one day, seven days, or one whole calendar month
 * (the presets today, 7 days, this month and last month, and custom ranges of those). Any other
 * range has no ranking. Days and months are ranked whenever their days are refreshed; seven days
 * only for the window ending today (`isAlwaysRanked`).
 */
export function rankingPeriod(range: TDays): CallTopPeriod | null {
  const length = range.toExclusive.getTime() - range.from.getTime();
  if (length === DAY_MS) return "DAY";
  if (length === SEVEN_DAYS_MS) return "SEVEN_DAYS";
  const month = firstOfMonth(range.from);
  return month.getTime() === range.from.getTime() && firstOfMonth(month, 1).getTime() === range.toExclusive.getTime()
    ? "MONTH"
    : null;
}

/** False for a period ranked for some starts only: a reader checks that the ranking was built. */
export const isAlwaysRanked = (period: CallTopPeriod) => period !== "SEVEN_DAYS";

/** The "7 days" preset's window at `now`, as the dashboards compute it: the one window ranked. */
export const currentSevenDays = (now: Date): TDays => dateRange({ preset: "7d" }, now);

/** What rebuilding one period's rankings deletes and ranks again. */
export interface TRankingPlan {
  period: CallTopPeriod;
  /** The rankings deleted: those starting in [from, toExclusive). */
  starts: TDays;
  /** The daily roll-up days ranked again, [from, toExclusive): none, when nothing is rebuilt. */
  days: TDays;
  /** The start of the period a roll-up row `d` counts in. */
  start: Prisma.Sql;
}

/**
 * What a refresh of the daily roll-up's days [fromDay, toDayExclusive) at `now` must rank again, per
 * period: those days; the months they touch, whole; and of the seven-day windows holding one of
 * them, only the current one (ranking every window would cost seven times a month's ranking,
 * decision 0031): the others are deleted, and a reader sums the daily roll-up for them instead.
 */
export function rankingPlan(period: CallTopPeriod, fromDay: Date, toDayExclusive: Date, now: Date): TRankingPlan {
  const refreshed = { from: fromDay, toExclusive: toDayExclusive };
  if (toDayExclusive <= fromDay)
    return { period, starts: NO_DAYS(fromDay), days: NO_DAYS(fromDay), start: Prisma.sql`d."day"` };
  switch (period) {
    case "DAY":
      return { period, starts: refreshed, days: refreshed, start: Prisma.sql`d."day"` };
    case "MONTH": {
      // From the first of the first month to the first of the month after the last day.
      const days = { from: firstOfMonth(fromDay), toExclusive: firstOfMonth(addDays(toDayExclusive, -1), 1) };
      return { period, starts: days, days, start: Prisma.sql`date_trunc('month', d."day")::date` };
    }
    case "SEVEN_DAYS": {
      const current = currentSevenDays(now);
      const overlaps = current.from < toDayExclusive && fromDay < current.toExclusive;
      // A window starting up to six days before the first refreshed day holds it.
      const starts = { from: addDays(fromDay, -6), toExclusive: toDayExclusive };
      return overlaps ? sevenDaysPlan(current, starts) : { ...sevenDaysPlan(current, starts), days: NO_DAYS(fromDay) };
    }
  }
}

/** Ranks the seven-day window `window` again (and deletes the windows starting in `starts`). */
export function sevenDaysPlan(
  window: TDays,
  starts: TDays = { from: window.from, toExclusive: addDays(window.from, 1) },
): TRankingPlan {
  return { period: "SEVEN_DAYS", starts, days: window, start: Prisma.sql`${window.from}::date` };
}

export const TOP_PERIODS: CallTopPeriod[] = ["DAY", "SEVEN_DAYS", "MONTH"];

/**
 * Carries out a ranking plan in `CallNumberTop` from `CallNumberDailyRollup` (already refreshed in
 * the same transaction): for every period start, scope (everyone, each partner, customer and PBX),
 * direction and area, and for every scope and direction over all areas, the ten numbers with the
 * most calls (then seconds, then number: the figure's order). Per direction suffices: a number's
 * calls in and out are separate entries of the figure, so the ten of both directions are among the
 * twenty kept. A call without an area counts only in the all-areas ranking (a filter names an area).
 */
export async function refreshNumberTop(tx: Prisma.TransactionClient, plan: TRankingPlan) {
  const statements = numberTopStatements(plan);
  if (statements.delete) await tx.$executeRaw(statements.delete);
  if (statements.insert) await tx.$executeRaw(statements.insert);
}

/** The DELETE and INSERT of `refreshNumberTop`; null for what the plan leaves alone. */
export function numberTopStatements({ period, starts, days, start }: TRankingPlan): {
  delete: Prisma.Sql | null;
  insert: Prisma.Sql | null;
} {
  const remove =
    starts.toExclusive <= starts.from
      ? null
      : Prisma.sql`DELETE FROM "CallNumberTop"
    WHERE "period" = ${period}::"CallTopPeriod" AND "fromDay" >= ${starts.from}::date AND "fromDay" < ${starts.toExclusive}::date`;
  if (days.toExclusive <= days.from) return { delete: remove, insert: null };
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
