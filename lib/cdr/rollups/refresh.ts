import type { Db } from "@/lib/db/client";
import { Prisma, type CallTopPeriod } from "@/lib/db/generated/client";
import { monthBounds } from "@/lib/cdr/rating/rate-month";
import { firstRebuildableDay } from "@/lib/cdr/retention";
import { readRuntimeEnv } from "@/lib/config/runtime";
import {
  ANSWERED_SQL,
  INCLUDED_MINUTES_CALL_SQL,
  INCLUDED_SMS_SQL,
  UNRATED_CALL_SQL,
} from "@/lib/cdr/statistics/answered";
import { dropRangeRankings } from "@/lib/cdr/statistics/top-numbers";
import { TABLE_SQL } from "@/lib/cdr/statistics/where";
import { allPartnerZones, localDaySql, localDaysSql } from "@/lib/cdr/statistics/zone";
import { currentSevenDays, rankingPlan, refreshNumberTop, sevenDaysPlan, TOP_PERIODS } from "./number-top";

const DAY_MS = 24 * 60 * 60 * 1000;
// One refresh at a time: two overlapping ones would each delete, then both insert the same day.
const ROLLUP_LOCK_KEY = 14_0023;
const lockRollups = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`;
// One ranking of a period at a time, for the same reason. Their own locks: a ranking reads the
// committed roll-ups and never holds up a refresh (an arrival's rating waits on no month's ranking),
// nor a day's ranking a month's (decision 0053). Taken after the roll-up lock by a refresh that
// ranks, never before it, and in TOP_PERIODS' order.
const RANKING_LOCK_KEY = 14_0053;
async function lockRankings(tx: Prisma.TransactionClient, periods: readonly CallTopPeriod[]) {
  for (const period of TOP_PERIODS.filter((p) => periods.includes(p)))
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RANKING_LOCK_KEY}::int, ${TOP_PERIODS.indexOf(period)}::int)`;
}
const TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

/**
 * The day labels (lib/cdr/statistics/zone) a refresh of the instants [from, to] rebuilds: a call
 * falls on its partner's local day, at most one day either side of its UTC day.
 */
export function rollupDays(range: { from: Date; to: Date }): TDayLabels {
  const fromDay = new Date((Math.floor(range.from.getTime() / DAY_MS) - 1) * DAY_MS);
  const toDayExclusive = new Date((Math.floor(range.to.getTime() / DAY_MS) + 2) * DAY_MS);
  return { fromDay, toDayExclusive };
}

type TDayLabels = { fromDay: Date; toDayExclusive: Date };

/**
 * Rebuilds every roll-up for the days touching the instants [from, to] from the raw call table
 * (`rollupDays`). Called after an import, after re-rating, and by the seed.
 */
export async function refreshCallRollups(
  db: Db,
  range: { from: Date; to: Date },
  now = new Date(),
): Promise<TDayLabels> {
  const days = rollupDays(range);
  await refreshRollupDays(db, days, now);
  return days;
}

/**
 * What a refresh rebuilds besides the days' own roll-ups: every PBX's rows of the days, or only
 * these PBXs' (an incremental rating's, decision 0052); and the top-number rankings of every period
 * holding a refreshed day, or none (an arrival's: the `cdr-day-rankings` and `cdr-rankings` jobs
 * rank them after it, `rankDays` and `rankMonths`, decision 0053).
 */
export interface TRefreshScope {
  pbxIds?: string[];
  rankings: "all" | "none";
  /** The UTC hours of the hourly roll-up to rebuild, when not the days' own (the instants a rating wrote). */
  hours?: { from: Date; toExclusive: Date };
}

/**
 * Rebuilds the roll-ups of the partner-local days [fromDay, toDayExclusive) from the raw call table:
 * each call counts in its partner's calendar day, each hourly row in its UTC hour (the hours of those
 * labels read as UTC instants, which hold every call the caller's instants changed). The days are
 * deleted and recomputed set-based in one transaction, so running it twice gives the same rows and
 * a reader never sees a half-rebuilt day. SMS rows count in the per-user roll-up by the same days.
 * The top-number rankings of those days, of the months they touch and of the seven days ending on
 * `now`'s day are rebuilt (`rankingPlan`); the rankings made on demand for ranges holding one of the
 * days are deleted, to be asked for again.
 */
async function refreshRollupDays(db: Db, days: TDayLabels, now: Date) {
  await db.$transaction((tx) => refreshRollupDaysIn(tx, days, now, { rankings: "all" }), TRANSACTION);
}

/** As refreshRollupDays, in the caller's transaction and for `scope`. */
export async function refreshRollupDaysIn(
  tx: Prisma.TransactionClient,
  days: TDayLabels,
  now: Date,
  { pbxIds, rankings, hours }: TRefreshScope,
) {
  // Days whose calls were dropped (CDR_RETENTION_MONTHS) keep their roll-ups: never rebuilt from what is left.
  const kept = firstRebuildableDay(now, readRuntimeEnv().CDR_RETENTION_MONTHS);
  const fromDay = days.fromDay < kept ? kept : days.fromDay;
  const toDayExclusive = days.toDayExclusive;
  if (toDayExclusive <= fromDay) return;
  const hourFrom = !hours ? fromDay : hours.from < kept ? kept : hours.from;
  const hourTo = hours?.toExclusive ?? toDayExclusive;
  const labels = { from: fromDay, toExclusive: toDayExclusive };
  const localDay = localDaySql(Prisma.sql`"startedAt"`);
  const ofPbxs = pbxIds ? Prisma.sql` AND "pbxId" = ANY(${pbxIds}::text[])` : Prisma.empty;
  await lockRollups(tx);
  const zones = await allPartnerZones(tx);
  const calls = Prisma.sql`FROM ${TABLE_SQL.raw} WHERE ${localDaysSql(Prisma.sql`"startedAt"`, labels, zones)}${ofPbxs}`;
  for (const table of ["CallDailyRollup", "CallNumberDailyRollup", "CallUserDailyRollup"]) {
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "day" >= ${fromDay}::date AND "day" < ${toDayExclusive}::date${ofPbxs}`;
  }
  await tx.$executeRaw`DELETE FROM "CallHourlyRollup" WHERE "hour" >= ${hourFrom} AND "hour" < ${hourTo}${ofPbxs}`;
  await tx.$executeRaw`
      INSERT INTO "CallDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
                                     "calls", "answeredCalls", "seconds", "answeredSeconds", "billedSeconds", "cost", "endUserCost",
                                     "unratedCalls")
      SELECT ${localDay}, "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
             count(*), count(*) FILTER (WHERE ${ANSWERED_SQL}), sum("durationSeconds"),
             coalesce(sum("durationSeconds") FILTER (WHERE ${ANSWERED_SQL}), 0), sum("billedSeconds"),
             coalesce(sum("cost"), 0), coalesce(sum("endUserCost"), 0), count(*) FILTER (WHERE ${UNRATED_CALL_SQL})
      ${calls}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
  await tx.$executeRaw`
      INSERT INTO "CallHourlyRollup" ("hour", "partnerId", "customerId", "pbxId", "direction", "area", "calls")
      SELECT date_trunc('hour', "startedAt"), "partnerId", "customerId", "pbxId", "direction", "area", count(*)
      FROM "CallRecord" WHERE "startedAt" >= ${hourFrom} AND "startedAt" < ${hourTo}${ofPbxs}
      GROUP BY 1, 2, 3, 4, 5, 6`;
  await tx.$executeRaw`
      INSERT INTO "CallNumberDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "number", "calls", "seconds")
      SELECT ${localDay}, "partnerId", "customerId", "pbxId", "direction", "area",
             CASE WHEN "direction" = 'OUTBOUND' THEN "toE164" ELSE "fromE164" END, count(*), sum("durationSeconds")
      ${calls}
      GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  await tx.$executeRaw`
      INSERT INTO "CallUserDailyRollup" ("day", "partnerId", "customerId", "pbxId", "extension", "area1Seconds", "smsSent")
      SELECT day, "partnerId", "customerId", "pbxId", "extension", sum(seconds), sum(sms)
      FROM (
        SELECT ${localDay} AS day, "partnerId", "customerId", "pbxId", "extension", "durationSeconds" AS seconds, 0 AS sms
        ${calls} AND ${INCLUDED_MINUTES_CALL_SQL}
        UNION ALL
        SELECT ${localDaySql(Prisma.sql`"sentAt"`)}, "partnerId", "customerId", "pbxId", "extension", 0, 1
        FROM ${TABLE_SQL.sms} WHERE ${localDaysSql(Prisma.sql`"sentAt"`, labels, zones)} AND ${INCLUDED_SMS_SQL}${ofPbxs}
      ) used
      GROUP BY 1, 2, 3, 4, 5`;
  // The rankings made on demand for ranges holding a rebuilt day are older than its roll-ups: asked for again.
  await dropRangeRankings(tx, fromDay, toDayExclusive);
  if (rankings === "all") {
    // Ranked from the daily number roll-up just rebuilt: the periods containing a rebuilt day.
    await lockRankings(tx, TOP_PERIODS);
    for (const period of TOP_PERIODS) await refreshNumberTop(tx, rankingPlan(period, fromDay, toDayExclusive, now));
  }
}

/**
 * The `cdr-day-rankings` job: the top numbers of the days arrivals rolled up (decision 0053), from
 * the daily number roll-up as committed.
 */
export async function rankDays(db: Db, { fromDay, toDayExclusive }: TDayLabels, now = new Date()) {
  await db.$transaction(async (tx) => {
    await lockRankings(tx, ["DAY"]);
    await refreshNumberTop(tx, rankingPlan("DAY", fromDay, toDayExclusive, now));
  }, TRANSACTION);
}

/**
 * Ranks the "7 days" preset's window at `now` (the nightly job, when a new day starts the window
 * without any call refreshed): from the daily number roll-up as it stands.
 */
export async function rankCurrentSevenDays(db: Db, now: Date) {
  await db.$transaction(async (tx) => {
    await lockRankings(tx, ["SEVEN_DAYS"]);
    await refreshNumberTop(tx, sevenDaysPlan(currentSevenDays(now)));
  }, TRANSACTION);
}

/** A partner-local month's day labels ("2026-10-01…" strings, as rating takes them). */
function monthDays(month: string): TDayLabels {
  const { start, end } = monthBounds(month);
  return { fromDay: start, toDayExclusive: end };
}

/**
 * After a re-rating of whole partner-local months: exactly those months' days, each partner's
 * (docs/decisions/0041, 0045).
 */
export async function refreshRollupsForMonths(db: Db, months: string[], now = new Date()) {
  for (const month of months) await refreshRollupDays(db, monthDays(month), now);
}

/**
 * The `cdr-rankings` job: the top numbers of the months and of the current seven days, ranked again
 * from the daily number roll-up after incremental refreshes that ranked only their days (decision 0052).
 */
export async function rankMonths(db: Db, months: string[], now = new Date()) {
  for (const month of months) {
    const { fromDay, toDayExclusive } = monthDays(month);
    await db.$transaction(async (tx) => {
      await lockRankings(tx, ["MONTH", "SEVEN_DAYS"]);
      for (const period of ["MONTH", "SEVEN_DAYS"] as const)
        await refreshNumberTop(tx, rankingPlan(period, fromDay, toDayExclusive, now));
    }, TRANSACTION);
  }
}
