import type { Db } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";

const WINDOW_MS = 60_000;

const configured = Number(process.env.CLASSOUND_API_RATE_LIMIT_PER_MINUTE);
/** Requests a key may make per minute; CLASSOUND_API_RATE_LIMIT_PER_MINUTE (a whole number above 0) overrides it for the whole install. */
export const API_RATE_LIMIT = Number.isInteger(configured) && configured > 0 ? configured : 600;

export interface RateState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  reset: number;
}

/** What every answer to a known key says of its limit (IETF draft ratelimit-headers). */
export const rateHeaders = (state: RateState): Record<string, string> => ({
  "RateLimit-Limit": String(state.limit),
  "RateLimit-Remaining": String(state.remaining),
  "RateLimit-Reset": String(state.reset),
});

/**
 * Counts one request of the key in the current fixed window of a minute, in the database so every
 * instance shares the count: one upsert, whose returned count decides. Past the limit a
 * RateLimitedError carrying the state (its headers go on the 429 too).
 */
export async function takeRequest(db: Db, keyId: string, now: Date, limit = API_RATE_LIMIT): Promise<RateState> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("keyId", "windowStart", "count") VALUES (${keyId}, ${windowStart}, 1)
    ON CONFLICT ("keyId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  // The first request of a window clears the key's earlier ones: at most one small delete per key a
  // minute, by the primary key's prefix, and no job or timer to keep.
  if (row!.count === 1) await db.apiRateWindow.deleteMany({ where: { keyId, windowStart: { lt: windowStart } } });
  const reset = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  const state = { limit, remaining: Math.max(0, limit - row!.count), reset };
  if (row!.count > limit) throw new ApiRateLimitedError(state);
  return state;
}

export class ApiRateLimitedError extends RateLimitedError {
  constructor(readonly state: RateState) {
    super(`At most ${state.limit} requests a minute per key: try again in ${state.reset} s.`, state.reset);
  }
}
