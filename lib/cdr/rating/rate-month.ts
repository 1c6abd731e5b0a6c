import type { Db } from "@/lib/db/client";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { placeCalls } from "@/lib/cdr/placement/place-calls";
import { RATE_CALLS_SQL, RATE_NEW_CALLS_SQL, RATE_NEW_SMS_SQL, RATE_SMS_SQL, type RatingScope } from "./sql";
import { WIDEST_OFFSET_MS } from "@/lib/cdr/statistics/day-labels";

type RatingTx = Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">;

export interface RateMonthInput {
  /** A partner-local calendar month (docs/decisions/0041), e.g. "2026-10" or "2026-10-01". */
  month: string;
  partnerId?: string;
  /** Only these PBXs' calls (an import rates the PBXs it touched); R5's count is per PBX user, so this is exact. */
  pbxIds?: string[];
  /**
   * "month" (the default) rates every call and SMS of the scope; "new" only those of the users with
   * records not rated yet, each from its first such record on (an import, an API post): the same
   * result, at the cost of what arrived (docs/decisions/0052).
   */
  scope?: RatingScope;
}

/** Rating 10M calls of a month took 12-20 minutes on this machine (docs/performance.md). */
export const RATING_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 };

const SQL = { month: [RATE_CALLS_SQL, RATE_SMS_SQL], new: [RATE_NEW_CALLS_SQL, RATE_NEW_SMS_SQL] } as const;

/**
 * Ratings of one month take turns where they overlap: a PBX's (shared month lock, then the PBX's, in
 * order) or the whole month's, a partner's included (exclusive). Each writes its users' running
 * totals, which must follow one order of ratings to stay exact.
 */
/** A rating's locks: the month's exclusively ($2 null), or the month's shared and then each PBX's in $2, sorted. */
export const RATING_LOCK_SQL = `SELECT CASE WHEN $2::text[] IS NULL THEN pg_advisory_xact_lock(52, hashtext($1))::text
  ELSE pg_advisory_xact_lock_shared(52, hashtext($1))::text
    || (SELECT count(pg_advisory_xact_lock(52, hashtext($1 || ':' || id))) FROM unnest($2::text[]) id)::text END`;

/** The month's first instants as wall-clock times (year, month index), and the next month's. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) throw new Error(`Not a month: ${month}`);
  const [year, index] = [Number(match[1]), Number(match[2]) - 1];
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 1)) };
}

/**
 * The UTC instants any partner's local `month` can span: the month's wall-clock bounds widened by
 * 14 hours each side. Rating reads these (the partitions prune on them), then keeps the local month.
 */
export function localMonthUtcRange(month: string): [Date, Date] {
  const { start, end } = monthBounds(month);
  return [new Date(start.getTime() - WIDEST_OFFSET_MS), new Date(end.getTime() + WIDEST_OFFSET_MS)];
}

/** "2026-10-01 00:00:00": a wall-clock time PostgreSQL reads as a timestamp without zone. */
const wallClock = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

/** The statements of a rating, after its calls are placed: the lock, then the calls', then the SMS'. */
async function ratingStatements(db: RatingTx, { month, partnerId, pbxIds, scope = "month" }: RateMonthInput) {
  const [from, to] = localMonthUtcRange(month);
  // Calls written by another path than the import (the seed, older calls) are placed first (decision 0043).
  await placeCalls(db, { from, to, partnerId, pbxIds, unratedOnly: scope === "new" });
  const { start, end } = monthBounds(month);
  const params = [from, to, partnerId ?? null, END_USER_TIER_CODE, pbxIds ?? null, wallClock(start), wallClock(end)];
  const [callsSql, smsSql] = SQL[scope];
  return {
    lock: () => db.$queryRawUnsafe(RATING_LOCK_SQL, month.slice(0, 7), pbxIds ? [...pbxIds].sort() : null),
    calls: () => db.$queryRawUnsafe<RatingChange[]>(callsSql, ...params),
    sms: () => db.$queryRawUnsafe<RatingChange[]>(smsSql, ...params),
  };
}

/**
 * What a rating wrote for one PBX: how many records, started from `first` to `last`, on the
 * partner-local day labels `firstDay` to `lastDay`.
 */
export interface RatingChange {
  pbxId: string;
  first: Date;
  last: Date;
  firstDay: Date;
  lastDay: Date;
  changed: number;
}

/** How many records a rating wrote, over its PBXs. */
export const changedCount = (changes: RatingChange[]) => changes.reduce((sum, c) => sum + c.changed, 0);

/**
 * Rates a partner-local month's calls and SMS (lib/cdr/rating/sql.ts states the rules): deterministic,
 * exact (numeric in the database, never floats), and re-runnable: rating the same month again gives the
 * same costs and writes no row. Returns how many calls and messages changed. One batch transaction
 * (a month of millions of calls takes minutes).
 */
export async function rateMonth(db: Db, input: RateMonthInput) {
  const { lock, calls, sms } = await ratingStatements(db, input);
  const [, callsChanged, smsChanged] = await db.$transaction([lock(), calls(), sms()], RATING_TRANSACTION);
  return { calls: changedCount(callsChanged), sms: changedCount(smsChanged) };
}

/** As rateMonth, in the caller's own transaction (the seed's, incremental roll-ups'); answers what it wrote per PBX. */
export async function rateMonthInTransaction(tx: RatingTx, input: RateMonthInput) {
  const { lock, calls, sms } = await ratingStatements(tx, input);
  await lock();
  return { calls: await calls(), sms: await sms() };
}
