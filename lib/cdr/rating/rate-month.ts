import type { Db } from "@/lib/db/client";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { RATE_CALLS_SQL, RATE_SMS_SQL } from "./sql";

export interface RateMonthInput {
  /** Any day of the month (UTC), e.g. "2026-10" or "2026-10-01". */
  month: string;
  partnerId?: string;
  /** Only these PBXs' calls (an import rates the PBXs it touched); R5's count is per PBX user, so this is exact. */
  pbxIds?: string[];
}

function monthRange(month: string): [Date, Date] {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) throw new Error(`Not a month: ${month}`);
  const [year, index] = [Number(match[1]), Number(match[2]) - 1];
  return [new Date(Date.UTC(year, index, 1)), new Date(Date.UTC(year, index + 1, 1))];
}

/**
 * Rates a month's calls and SMS (lib/cdr/rating/sql.ts states the rules): deterministic, exact
 * (numeric in the database, never floats), and re-runnable: rating the same month again gives the
 * same costs and writes no row. Returns how many calls and messages changed.
 */
export async function rateMonth(db: Pick<Db, "$executeRawUnsafe">, { month, partnerId, pbxIds }: RateMonthInput) {
  const [from, to] = monthRange(month);
  const params = [from, to, partnerId ?? null, END_USER_TIER_CODE, pbxIds ?? null] as const;
  // Two statements, each atomic on its own: calls and SMS are rated independently, and a month of
  // millions of calls outlasts any interactive-transaction timeout.
  const calls = await db.$executeRawUnsafe(RATE_CALLS_SQL, ...params);
  const sms = await db.$executeRawUnsafe(RATE_SMS_SQL, ...params);
  return { calls, sms };
}

/** Rates each month in turn; returns how many calls changed. */
export async function rateMonths(db: Pick<Db, "$executeRawUnsafe">, months: string[], pbxIds?: string[]) {
  let calls = 0;
  for (const month of months) calls += (await rateMonth(db, { month, pbxIds })).calls;
  return calls;
}
