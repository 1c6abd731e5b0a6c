import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import {
  ANSWERED_SQL,
  INCLUDED_MINUTES_CALL_SQL,
  INCLUDED_SMS_SQL,
  UNRATED_CALL_SQL,
} from "@/lib/cdr/statistics/answered";
import { localMonthUtcRange } from "@/lib/cdr/rating/rate-month";
import { dropRangeRankings } from "@/lib/cdr/statistics/top-numbers";
import { currentSevenDays, rankingPlan, refreshNumberTop, sevenDaysPlan, TOP_PERIODS } from "./number-top";

const DAY_MS = 24 * 60 * 60 * 1000;
// One refresh at a time: two overlapping ones would each delete, then both insert the same day.
const ROLLUP_LOCK_KEY = 14_0023;
const lockRollups = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`;
const TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

/** The UTC days a refresh rebuilds: from the day of `from` up to and including the day of `to`. */
export function rollupDays(range: { from: Date; to: Date }): { fromDay: Date; toDayExclusive: Date } {
  const fromDay = new Date(Math.floor(range.from.getTime() / DAY_MS) * DAY_MS);
  const toDayExclusive = new Date((Math.floor(range.to.getTime() / DAY_MS) + 1) * DAY_MS);
  return { fromDay, toDayExclusive };
}

/**
 * Rebuilds every roll-up for the UTC days touching [from, to] from the raw call table: the days are
 * deleted and recomputed set-based in one transaction, so running it twice gives the same rows and a
 * reader never sees a half-rebuilt day. SMS rows count in the per-user roll-up by the same days. The top-number
 * rankings of those days, of the months they touch and of the seven days ending on `now`'s day are
 * rebuilt (`rankingPlan`); the rankings made on demand for ranges holding one of the days are
 * deleted, to be asked for again. Called after an import, after re-rating, and by the seed.
 */
export async function refreshCallRollups(
  db: Db,
  range: { from: Date; to: Date },
  now = new Date(),
): Promise<{ fromDay: Date; toDayExclusive: Date }> {
  const days = rollupDays(range);
  const { fromDay, toDayExclusive } = days;
  const calls = Prisma.sql`FROM "CallRecord" WHERE "startedAt" >= ${fromDay} AND "startedAt" < ${toDayExclusive}`;
  await db.$transaction(async (tx) => {
    await lockRollups(tx);
    for (const table of ["CallDailyRollup", "CallNumberDailyRollup", "CallUserDailyRollup"]) {
      await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "day" >= ${fromDay}::date AND "day" < ${toDayExclusive}::date`;
    }
    await tx.$executeRaw`DELETE FROM "CallHourlyRollup" WHERE "hour" >= ${fromDay} AND "hour" < ${toDayExclusive}`;
    await tx.$executeRaw`
        INSERT INTO "CallDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
                                       "calls", "answeredCalls", "seconds", "answeredSeconds", "billedSeconds", "cost", "endUserCost",
                                       "unratedCalls")
        SELECT "startedAt"::date, "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
               count(*), count(*) FILTER (WHERE ${ANSWERED_SQL}), sum("durationSeconds"),
               coalesce(sum("durationSeconds") FILTER (WHERE ${ANSWERED_SQL}), 0), sum("billedSeconds"),
               coalesce(sum("cost"), 0), coalesce(sum("endUserCost"), 0), count(*) FILTER (WHERE ${UNRATED_CALL_SQL})
        ${calls}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    await tx.$executeRaw`
        INSERT INTO "CallHourlyRollup" ("hour", "partnerId", "customerId", "pbxId", "direction", "area", "calls")
        SELECT date_trunc('hour', "startedAt"), "partnerId", "customerId", "pbxId", "direction", "area", count(*)
        ${calls}
        GROUP BY 1, 2, 3, 4, 5, 6`;
    await tx.$executeRaw`
        INSERT INTO "CallNumberDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "number", "calls", "seconds")
        SELECT "startedAt"::date, "partnerId", "customerId", "pbxId", "direction", "area",
               CASE WHEN "direction" = 'OUTBOUND' THEN "toE164" ELSE "fromE164" END, count(*), sum("durationSeconds")
        ${calls}
        GROUP BY 1, 2, 3, 4, 5, 6, 7`;
    await tx.$executeRaw`
        INSERT INTO "CallUserDailyRollup" ("day", "partnerId", "customerId", "pbxId", "extension", "area1Seconds", "smsSent")
        SELECT day, "partnerId", "customerId", "pbxId", "extension", sum(seconds), sum(sms)
        FROM (
          SELECT "startedAt"::date AS day, "partnerId", "customerId", "pbxId", "extension", "durationSeconds" AS seconds, 0 AS sms
          ${calls} AND ${INCLUDED_MINUTES_CALL_SQL}
          UNION ALL
          SELECT "sentAt"::date, "partnerId", "customerId", "pbxId", "extension", 0, 1
          FROM "SmsRecord" WHERE "sentAt" >= ${fromDay} AND "sentAt" < ${toDayExclusive} AND ${INCLUDED_SMS_SQL}
        ) used
        GROUP BY 1, 2, 3, 4, 5`;
    // Ranked from the daily number roll-up just rebuilt: the periods containing a rebuilt day.
    for (const period of TOP_PERIODS) await refreshNumberTop(tx, rankingPlan(period, fromDay, toDayExclusive, now));
    await dropRangeRankings(tx, fromDay, toDayExclusive);
  }, TRANSACTION);
  return days;
}

/**
 * Ranks the "7 days" preset's window at `now` (the nightly job, when a new day starts the window
 * without any call refreshed): from the daily number roll-up as it stands.
 */
export async function rankCurrentSevenDays(db: Db, now: Date) {
  await db.$transaction(async (tx) => {
    await lockRollups(tx);
    await refreshNumberTop(tx, sevenDaysPlan(currentSevenDays(now)));
  }, TRANSACTION);
}

/**
 * After an import or a re-rating of whole partner-local months ("2026-10-01…" strings, as rating takes
 * them): a local month's calls start up to 14 hours either side of its UTC days, so the UTC day before
 * and the day after are rebuilt too (docs/decisions/0041).
 */
export async function refreshRollupsForMonths(db: Db, months: string[], now = new Date()) {
  for (const month of months) {
    const [from, to] = localMonthUtcRange(month);
    await refreshCallRollups(db, { from, to: new Date(to.getTime() - 1) }, now);
  }
}
