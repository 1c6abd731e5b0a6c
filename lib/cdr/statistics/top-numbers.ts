import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAlwaysRanked, NUMBER_TOP, rankingPeriod } from "@/lib/cdr/rollups/number-top";
import type { Db } from "@/lib/db/client";
import { Prisma, type CallDirection } from "@/lib/db/generated/client";
import { isWorkerAlive } from "@/lib/jobs/heartbeat";
import { finishExpensiveWorkByKey, startExpensiveWorkIn } from "@/lib/limits/expensive-work";
import { calls, seconds, TABLE_SQL, tenantStatisticsWhere, type TStatisticsTable, type TStatisticsView } from "./where";

export type TTopNumber = { number: string; direction: CallDirection; calls: number; seconds: number };
/**
 * "pending" while the range's ranking job has not run yet (its numbers then empty), with whether a
 * worker is alive to run it: the figure says it is taking longer than usual when none is.
 */
export type TTopNumbers =
  { ranking: "ready"; numbers: TTopNumber[] } | { ranking: "pending"; numbers: TTopNumber[]; workerAlive: boolean };
/** Queues the ranking of one range ranking request (`rankRange`). */
export type TRequestRanking = (rangeTopId: string) => Promise<void>;

/** A request still unranked this long after it was (last) queued is queued again (its job failed or was lost). */
const REQUEUE_AFTER_MS = 60_000;

const ORDER = Prisma.sql`calls DESC, seconds DESC, number, direction`;

/** The figure's query on a table: the other party's number (called out, caller in), its ten busiest. */
export function topNumbersSql(t: TStatisticsTable, where: Prisma.Sql) {
  const number =
    t === "raw"
      ? Prisma.sql`CASE WHEN "direction" = 'OUTBOUND' THEN "toE164" ELSE "fromE164" END`
      : Prisma.sql`"number"`;
  return Prisma.sql`SELECT ${number} AS number, "direction", ${calls(t)} AS calls, ${seconds(t)} AS seconds
    FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2 ORDER BY ${ORDER} LIMIT ${NUMBER_TOP}`;
}

/**
 * Top numbers from the rankings, never from a sum of the daily number roll-up (nearly a row per
 * call): a day or a month reads its period's ranking; seven days the window's ranking if it was
 * built; any other range, or seven days without one, a ranking of that view made on demand by a job
 * (`rangeTopNumbers`). The caller handles a number filter (the daily roll-up by number).
 */
export async function rankedTopNumbers(
  db: Db,
  view: TStatisticsView,
  requestRanking: TRequestRanking,
  requester: Actor,
): Promise<TTopNumbers> {
  const period = rankingPeriod(view.range);
  if (period) {
    // One statement: a refresh deleting the seven days' ranking in between cannot empty the figure.
    const built = isAlwaysRanked(period)
      ? Prisma.sql`true`
      : Prisma.sql`EXISTS (SELECT FROM ${TABLE_SQL.top} WHERE "period" = ${period}::"CallTopPeriod" AND "fromDay" = ${view.range.from}::date)`;
    const [row] = await db.$queryRaw<{ built: boolean; numbers: TTopNumber[] }[]>`
      SELECT ${built} AS built, coalesce((SELECT json_agg(t ORDER BY ${ORDER}) FROM (${topNumbersSql("top", Prisma.sql`${built} AND ${tenantStatisticsWhere("top", view)}`)}) t), '[]') AS numbers`;
    if (row.built) return { ranking: "ready", numbers: row.numbers };
  }
  return rangeTopNumbers(db, view, requestRanking, requester);
}

const ZView = z.object({
  tenant: z.object({ column: z.enum(["partnerId", "customerId"]), id: z.string() }).nullable(),
  filters: z.object({
    partner: z.string().optional(),
    customer: z.string().optional(),
    pbx: z.string().optional(),
    direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
    area: z.number().int().optional(),
  }),
});

/** What a ranking depends on: the tenant and the filters a number ranking reads (the dates are columns). */
function storedView({ tenant, filters }: TStatisticsView): z.infer<typeof ZView> {
  const { partner, customer, pbx, direction, area } = filters;
  return { tenant, filters: { partner, customer, pbx, direction, area } };
}

/** One key per stored view and range (`storedView` builds its object in a fixed key order). */
const rankingKey = (view: TStatisticsView) =>
  createHash("sha256")
    .update(JSON.stringify([storedView(view), view.range.from, view.range.toExclusive]))
    .digest("hex");

/**
 * The view's ranking over a range no period answers: read if ranked; otherwise requested once (a
 * row, and a job) and "pending" until the job has run. A refresh of one of the range's days deletes
 * the ranking (`dropRangeRankings`), so one found is never older than the roll-ups it came from.
 * Asking for a ranking already requested (by anyone) reuses it; a new request counts against the
 * requester's limits of expensive work, and a refusal (429) leaves no request behind.
 */
export async function rangeTopNumbers(
  db: Db,
  view: TStatisticsView,
  requestRanking: TRequestRanking,
  requester: Actor,
): Promise<TTopNumbers> {
  const pending = async (): Promise<TTopNumbers> => ({
    ranking: "pending",
    numbers: [],
    workerAlive: await isWorkerAlive(db),
  });
  const key = rankingKey(view);
  const [found] = await db.$queryRaw<{ id: string; numbers: TTopNumber[] | null }[]>`
    SELECT "id", "numbers" FROM "CallNumberRangeTop" WHERE "key" = ${key}`;
  if (found?.numbers) return { ranking: "ready", numbers: found.numbers };
  if (found) {
    // One reader a minute queues it again: the request's time moves on as it does.
    const [stale] = await db.$queryRaw<{ id: string }[]>`
      UPDATE "CallNumberRangeTop" SET "requestedAt" = now()
      WHERE "id" = ${found.id} AND "numbers" IS NULL AND "requestedAt" < now() - ${REQUEUE_AFTER_MS} * interval '1 millisecond' RETURNING "id"`;
    if (stale) await requestRanking(stale.id);
    return pending();
  }
  const created = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "CallNumberRangeTop" ("id", "key", "fromDay", "toDayExclusive", "view")
      VALUES (gen_random_uuid()::text, ${key}, ${view.range.from}::date, ${view.range.toExclusive}::date, ${JSON.stringify(storedView(view))}::jsonb)
      ON CONFLICT ("key") DO NOTHING RETURNING "id"`;
    if (row) await startExpensiveWorkIn(tx, requester, "RANKING", row.id);
    return row;
  });
  // Another request inserted it first and queues it.
  if (created) await requestRanking(created.id);
  return pending();
}

/**
 * Ranks one requested range from the daily number roll-up (the cost a reader no longer pays). The
 * result is stored only if the request still exists: a refresh that deleted it meanwhile may have
 * changed the days read. Returns false when there was nothing (left) to rank.
 */
export async function rankRange(db: Db, rangeTopId: string): Promise<boolean> {
  const [request] = await db.$queryRaw<{ view: unknown; fromDay: Date; toDayExclusive: Date }[]>`
    SELECT "view", "fromDay", "toDayExclusive" FROM "CallNumberRangeTop" WHERE "id" = ${rangeTopId} AND "numbers" IS NULL`;
  if (!request) {
    // Ranked already, or deleted by a refresh: nothing left to wait for.
    await finishExpensiveWorkByKey(db, "RANKING", rangeTopId);
    return false;
  }
  const view = { ...ZView.parse(request.view), range: { from: request.fromDay, toExclusive: request.toDayExclusive } };
  const numbers = await db.$queryRaw<TTopNumber[]>(topNumbersSql("numbers", tenantStatisticsWhere("numbers", view)));
  const stored = await db.$executeRaw`
    UPDATE "CallNumberRangeTop" SET "numbers" = ${JSON.stringify(numbers)}::jsonb, "rankedAt" = now()
    WHERE "id" = ${rangeTopId} AND "numbers" IS NULL`;
  await finishExpensiveWorkByKey(db, "RANKING", rangeTopId);
  return stored === 1;
}

/** In a refresh's transaction: the range rankings holding one of the days rebuilt. */
export const dropRangeRankings = (tx: Prisma.TransactionClient, fromDay: Date, toDayExclusive: Date) =>
  tx.$executeRaw`DELETE FROM "CallNumberRangeTop" WHERE "fromDay" < ${toDayExclusive}::date AND "toDayExclusive" > ${fromDay}::date`;

/** Rankings requested more than a week before `now`: a reader asking again gets a fresh one. */
export const dropExpiredRangeRankings = (db: Db, now: Date) =>
  db.$executeRaw`DELETE FROM "CallNumberRangeTop" WHERE "requestedAt" < ${new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)}`;
