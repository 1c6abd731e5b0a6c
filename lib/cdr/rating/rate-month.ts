import type { Db } from "@/lib/db/client";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { placeCalls } from "@/lib/cdr/placement/place-calls";
import { RATE_CALLS_SQL, RATE_SMS_SQL } from "./sql";
import { WIDEST_OFFSET_MS } from "@/lib/cdr/statistics/day-labels";

type RatingDb = Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">;

export interface RateMonthInput {
  /** A partner-local calendar month (docs/decisions/0041), e.g. "2026-10" or "2026-10-01". */
  month: string;
  partnerId?: string;
  /** Only these PBXs' calls (an import rates the PBXs it touched); R5's count is per PBX user, so this is exact. */
  pbxIds?: string[];
}

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

/**
 * Rates a partner-local month's calls and SMS (lib/cdr/rating/sql.ts states the rules): deterministic,
 * exact (numeric in the database, never floats), and re-runnable: rating the same month again gives the
 * same costs and writes no row. Returns how many calls and messages changed.
 */
export async function rateMonth(db: RatingDb, { month, partnerId, pbxIds }: RateMonthInput) {
  const [from, to] = localMonthUtcRange(month);
  // Calls written by another path than the import (the seed, older calls) are placed first (decision 0043).
  await placeCalls(db, { from, to, partnerId, pbxIds });
  const { start, end } = monthBounds(month);
  const params = [from, to, partnerId ?? null, END_USER_TIER_CODE, pbxIds ?? null, wallClock(start), wallClock(end)];
  // Two statements, each atomic on its own: calls and SMS are rated independently, and a month of
  // millions of calls outlasts any interactive-transaction timeout.
  const calls = await db.$executeRawUnsafe(RATE_CALLS_SQL, ...params);
  const sms = await db.$executeRawUnsafe(RATE_SMS_SQL, ...params);
  return { calls, sms };
}

/** Rates each partner-local month in turn; returns how many calls changed. */
export async function rateMonths(db: RatingDb, months: string[], pbxIds?: string[]) {
  let calls = 0;
  for (const month of months) calls += (await rateMonth(db, { month, pbxIds })).calls;
  return calls;
}
