import { z } from "zod";
import { cdrPool } from "@/lib/cdr/import/pool";
import { unsafeRunStoredImport } from "@/lib/cdr/import/run-stored-import";
import { ensurePartitionsAhead } from "@/lib/cdr/partitions";
import { dropCallMonthsBefore, keptFrom } from "@/lib/cdr/retention";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { rerateKey, unsafeMonthsToRerateFor, ZRerateRequest } from "@/lib/cdr/rating/unrated";
import { finishExpensiveWorkByKey } from "@/lib/limits/expensive-work";
import { rankCurrentSevenDays, rankDays, rankMonths, refreshRollupsForMonths } from "@/lib/cdr/rollups/refresh";
import { dropExpiredRangeRankings, rankRange } from "@/lib/cdr/statistics/top-numbers";
import { defineJob, type JobContext } from "./definition";
import { USAGE_ALERTS } from "./usage-alerts";

export const CDR_IMPORT = "cdr-import";
export const CDR_RATE = "cdr-rate";
export const CDR_ROLLUPS = "cdr-rollups";
export const CDR_RANGE_RANKING = "cdr-range-ranking";
export const CDR_RERATE = "cdr-rerate";
export const CDR_RERATE_PUBLISHED = "cdr-rerate-published";
export const CDR_RANKINGS = "cdr-rankings";
export const CDR_DAY_RANKINGS = "cdr-day-rankings";

/** An uploaded CDR file; a retry resumes after the last committed batch. */
export const cdrImportJob = defineJob({
  name: CDR_IMPORT,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  parse: (data) => z.object({ importId: z.string().min(1) }).parse(data),
  async run(context, { importId }) {
    const outcome = await unsafeRunStoredImport(context.db, cdrPool(), importId, { now: context.now() });
    if (outcome) await afterArrivals(context, outcome.rated);
    return outcome && { rowsStored: outcome.rowsStored, rowsRefused: outcome.rowsRefused };
  },
});

const ZMonth = z.string().regex(/^\d{4}-\d{2}-01$/);

/**
 * Rates the calls and SMS that arrived through the API when the post's own request could not (it
 * rates them itself, decision 0053), each user from its first new record, with their days' roll-ups
 * (`rateArrivals`, decision 0052). Queued once per month (`requestCdrRating`): a post of any PBX
 * while one waits is covered by it, as it rates every record of the month not rated when it starts.
 * Jobs queued before 0053 name their PBX and rate only its records.
 */
export const cdrRateJob = defineJob({
  name: CDR_RATE,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  parse: (data) => z.object({ months: z.array(ZMonth), pbxIds: z.array(z.string()).optional() }).parse(data),
  async run(context, { months, pbxIds }) {
    const rated = await rateArrivals(context.db, months, pbxIds, context.now());
    await afterArrivals(context, rated);
    return rated.calls;
  },
});

/**
 * Rates one partner's local month again (an admin's "Re-rate", or a published version that can price its
 * unrated calls: docs/decisions/0041), then asks for the month's roll-ups. Idempotent: a second run
 * writes no row. One waiting job per partner-month.
 */
export const cdrRerateJob = defineJob({
  name: CDR_RERATE,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  parse: (data) => ZRerateRequest.parse(data),
  async run({ db, enqueue }, request) {
    const rated = await rateMonth(db, request);
    await enqueue(CDR_ROLLUPS, { month: `${request.month}-01` }, request.month);
    await finishExpensiveWorkByKey(db, "RERATING", rerateKey(request));
    return rated;
  },
});

/** After a version is published: re-rates the partner-months of its tier that hold unrated calls or SMS. */
export const cdrReratePublishedJob = defineJob({
  name: CDR_RERATE_PUBLISHED,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  parse: (data) => z.object({ priceListId: z.string().min(1) }).parse(data),
  async run({ db, enqueue }, { priceListId }) {
    const months = await unsafeMonthsToRerateFor(db, priceListId);
    for (const request of months) await enqueue(CDR_RERATE, request, rerateKey(request));
    return months.length;
  },
});

/**
 * Rebuilds a month's roll-ups after its calls were rated. One waiting job per month: the rating jobs
 * of many PBXs posting at once share one rebuild, which reads every call rated before it starts.
 */
export const cdrRollupsJob = defineJob({
  name: CDR_ROLLUPS,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  parse: (data) => z.object({ month: ZMonth }).parse(data),
  run: (context, { month }) => afterCallsChanged(context, [month]),
});

// The dashboards read roll-ups: rebuild the months' days, then evaluate their usage alerts.
async function afterCallsChanged(context: JobContext, months: string[]) {
  await refreshRollupsForMonths(context.db, months, context.now());
  await askForUsageAlerts(context, months);
  return months.length;
}

/**
 * How long a day's ranking waits after the arrival that asks for it: a burst of posts (each asking)
 * then shares one ranking every ten seconds instead of ranking the day over every PBX back to back
 * beside the posts' ratings (decision 0053). "Today"'s top numbers lag by this and the ranking.
 */
const DAY_RANKING_DELAY_SECONDS = 10;

/**
 * How long a month's ranking waits after the arrival that asks for it: the arrivals meanwhile share
 * it, and a burst of posts is rated without a month's ranking (28 s of one core at 1M calls) beside
 * it (decision 0053). "This month" and "7 days" top numbers lag by this and the ranking.
 */
const MONTH_RANKING_DELAY_SECONDS = 30;

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * Records arrived, rated and rolled up by day (`rateArrivals`): their days' rankings, their months'
 * and usage alerts follow, as jobs. From a job, or from the request that rated an API post.
 */
export async function requestArrivalFollowUps(
  enqueue: JobContext["enqueue"],
  { months, days }: Awaited<ReturnType<typeof rateArrivals>>,
) {
  for (const { fromDay, toDayExclusive } of days) {
    const range = { fromDay: isoDay(fromDay), toDayExclusive: isoDay(toDayExclusive) };
    await enqueue(CDR_DAY_RANKINGS, range, `${range.fromDay}:${range.toDayExclusive}`, DAY_RANKING_DELAY_SECONDS);
  }
  for (const month of months) await enqueue(CDR_RANKINGS, { month }, month.slice(0, 7), MONTH_RANKING_DELAY_SECONDS);
  await askForUsageAlerts({ enqueue }, months);
}

const afterArrivals = (context: JobContext, rated: Awaited<ReturnType<typeof rateArrivals>>) =>
  requestArrivalFollowUps(context.enqueue, rated);

async function askForUsageAlerts({ enqueue }: Pick<JobContext, "enqueue">, months: string[]) {
  for (const month of months) await enqueue(USAGE_ALERTS, { month: month.slice(0, 10) }, month.slice(0, 7));
}

/**
 * Ranks the top numbers of a month and of the current seven days again (decision 0052): arrivals
 * rebuild only their days' rankings. One waiting job per month covers every arrival before it starts.
 */
export const cdrRankingsJob = defineJob({
  name: CDR_RANKINGS,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  parse: (data) => z.object({ month: ZMonth }).parse(data),
  run: ({ db, now }, { month }) => rankMonths(db, [month], now()),
});

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Ranks the top numbers of the days arrivals rolled up (decision 0053): seconds after them, while
 * the month's ranking (`cdr-rankings`) takes longer. One waiting job per range of days: the posts of
 * a day share one.
 */
export const cdrDayRankingsJob = defineJob({
  name: CDR_DAY_RANKINGS,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  parse: (data) => z.object({ fromDay: ZDay, toDayExclusive: ZDay }).parse(data),
  run: ({ db, now }, days) =>
    rankDays(db, { fromDay: new Date(days.fromDay), toDayExclusive: new Date(days.toDayExclusive) }, now()),
});

/**
 * Ranks the top numbers of the "7 days" preset's new window once its first day begins (decision
 * 0031), and drops the week-old rankings made on demand (decision 0033).
 */
export const cdrSevenDayRankingJob = defineJob({
  name: "cdr-seven-day-ranking",
  queue: { policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  schedule: "5 0 * * *",
  parse: () => ({}),
  async run({ db, now }) {
    await rankCurrentSevenDays(db, now());
    return { rangeRankingsDropped: await dropExpiredRangeRankings(db, now()) };
  },
});

/** Ranks the top numbers of a range a dashboard asked for and no period ranking answers (decision 0033). */
export const cdrRangeRankingJob = defineJob({
  name: CDR_RANGE_RANKING,
  queue: { policy: "short", retryLimit: 2, retryDelay: 5, expireInSeconds: 10 * 60 },
  parse: (data) => z.object({ rangeTopId: z.string().min(1) }).parse(data),
  run: ({ db }, { rangeTopId }) => rankRange(db, rangeTopId),
});

/**
 * Drops the months of calls older than CDR_RETENTION_MONTHS (docs/scaling.md), partition by
 * partition; their roll-ups stay. Daily, after the partitions ahead are made.
 */
export const cdrRetentionJob = defineJob({
  name: "cdr-retention",
  queue: { policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "45 0 * * *",
  parse: () => ({}),
  async run({ db, now }) {
    const dropped = await dropCallMonthsBefore(db, keptFrom(now(), readRuntimeEnv().CDR_RETENTION_MONTHS));
    return { dropped };
  },
});

/** Creates the call table's monthly partitions ahead and empties the DEFAULT partition into them. */
export const cdrPartitionsJob = defineJob({
  name: "cdr-partitions",
  queue: { policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "30 0 * * *",
  parse: () => ({}),
  async run({ db, now }) {
    await ensurePartitionsAhead(
      (sql) => db.$queryRawUnsafe(sql),
      (sql) => db.$executeRawUnsafe(sql),
      now(),
    );
    return "ok";
  },
});
