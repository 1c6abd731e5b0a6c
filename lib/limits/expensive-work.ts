import type { Actor } from "@/lib/auth/actor";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ExpensiveWorkKind } from "@/lib/db/generated/enums";
import { RateLimitedError } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { waitInWords } from "./wait-in-words";

type Tx = Prisma.TransactionClient;

export interface TExpensiveWorkLimits {
  /** Starts of one kind that may wait or run at once, per user. */
  queuedPerUser: number;
  /** Starts of one kind per user in any 60 seconds. */
  startsPerMinute: number;
}

export function expensiveWorkLimits(env = readRuntimeEnv()): TExpensiveWorkLimits {
  return { queuedPerUser: env.EXPENSIVE_WORK_QUEUED_PER_USER, startsPerMinute: env.EXPENSIVE_WORK_STARTS_PER_MINUTE };
}

const KINDS: Record<ExpensiveWorkKind, { name: string; expiresAfterSeconds: number; usualSeconds: number }> = {
  // A ranking job takes seconds; one still unfinished after ten minutes was lost (no worker, a failure).
  RANKING: { name: "ranking", expiresAfterSeconds: 10 * 60, usualSeconds: 10 },
  EXPORT: { name: "export", expiresAfterSeconds: 15 * 60, usualSeconds: 30 },
  IMPORT: { name: "import", expiresAfterSeconds: 30 * 60, usualSeconds: 60 },
  // Re-rating one partner's month (docs/decisions/0041): minutes at millions of calls.
  RERATING: { name: "re-rating", expiresAfterSeconds: 60 * 60, usualSeconds: 120 },
};

/**
 * Counts one start of expensive work for the actor, or refuses it with a RateLimitedError (429 with
 * `Retry-After`; the wait in words for a form): past the user's starts still queued or running, or
 * past the starts of the last minute. Call inside the transaction that creates the work (a ranking
 * request) so a refusal leaves nothing behind. The counters are rows in PostgreSQL and each user's
 * starts take a transaction-scoped advisory lock, so two app instances cannot both pass the count
 * (a prior SELECT alone would let them). Returns the start's id for `finishExpensiveWork`.
 */
export async function startExpensiveWorkIn(
  db: Tx,
  actor: Actor,
  kind: ExpensiveWorkKind,
  workKey: string | null = null,
  limits: TExpensiveWorkLimits = expensiveWorkLimits(),
): Promise<string> {
  const { name, expiresAfterSeconds, usualSeconds } = KINDS[kind];
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('classound.expensive-work'), hashtext(${actor.userId}))`;
  const mine = Prisma.sql`"userId" = ${actor.userId} AND "kind" = ${kind}::"ExpensiveWorkKind"`;
  const [queued] = await db.$queryRaw<{ count: number; soonestExpirySeconds: number | null }[]>`
    SELECT count(*)::int AS count, extract(epoch FROM min("expiresAt") - now())::float8 AS "soonestExpirySeconds"
    FROM "ExpensiveWorkStart" WHERE ${mine} AND "finishedAt" IS NULL AND "expiresAt" > now()`;
  if (queued.count >= limits.queuedPerUser) {
    const wait = Math.ceil(Math.min(usualSeconds, queued.soonestExpirySeconds ?? usualSeconds));
    throw new RateLimitedError(
      `You already have ${formatCount(queued.count, name)} waiting or running. Try again ${waitInWords(wait)}, when one has finished.`,
      Math.max(1, wait),
    );
  }
  // The start that must leave the one-minute window before another fits in it.
  const [blocking] = await db.$queryRaw<{ waitSeconds: number }[]>`
    SELECT extract(epoch FROM "startedAt" + interval '1 minute' - now())::float8 AS "waitSeconds"
    FROM "ExpensiveWorkStart" WHERE ${mine} AND "startedAt" > now() - interval '1 minute'
    ORDER BY "startedAt" DESC OFFSET ${limits.startsPerMinute - 1} LIMIT 1`;
  if (blocking) {
    const wait = Math.max(1, Math.ceil(blocking.waitSeconds));
    throw new RateLimitedError(
      `You started ${formatCount(limits.startsPerMinute, name)} in the last minute. Try again ${waitInWords(wait)}.`,
      wait,
    );
  }
  // Older starts count for nothing any more (every kind expires within the hour): keep the table small.
  await db.$executeRaw`DELETE FROM "ExpensiveWorkStart" WHERE ${mine} AND "startedAt" < now() - interval '1 hour'`;
  const [start] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "ExpensiveWorkStart" ("id", "userId", "kind", "workKey", "expiresAt")
    VALUES (gen_random_uuid()::text, ${actor.userId}, ${kind}::"ExpensiveWorkKind", ${workKey}, now() + ${expiresAfterSeconds} * interval '1 second')
    RETURNING "id"`;
  return start.id;
}

/** `startExpensiveWorkIn` in a transaction of its own, for work that creates nothing in the database first (an export). */
export const startExpensiveWork = (
  db: Db,
  actor: Actor,
  kind: ExpensiveWorkKind,
  limits: TExpensiveWorkLimits = expensiveWorkLimits(),
) => db.$transaction((tx) => startExpensiveWorkIn(tx, actor, kind, null, limits));

/** The work of this start is done (or failed for good): it no longer counts as queued. */
export const finishExpensiveWork = (db: Db | Tx, startId: string) =>
  db.$executeRaw`UPDATE "ExpensiveWorkStart" SET "finishedAt" = now() WHERE "id" = ${startId} AND "finishedAt" IS NULL`;

/** A job's side: the starts of this work (a ranking request's id) are done, whoever started them. */
export const finishExpensiveWorkByKey = (db: Db | Tx, kind: ExpensiveWorkKind, workKey: string) =>
  db.$executeRaw`UPDATE "ExpensiveWorkStart" SET "finishedAt" = now()
    WHERE "kind" = ${kind}::"ExpensiveWorkKind" AND "workKey" = ${workKey} AND "finishedAt" IS NULL`;

/** Runs work done within the request (an import read in the request) as one counted start. */
export async function withExpensiveWork<T>(db: Db, actor: Actor, kind: ExpensiveWorkKind, work: () => Promise<T>) {
  const startId = await startExpensiveWork(db, actor, kind);
  try {
    return await work();
  } finally {
    await finishExpensiveWork(db, startId);
  }
}

/**
 * A streamed answer (an export) as one counted start: it finishes when the stream ends, fails or
 * the client goes away (the generator's `finally` runs on `return()` too).
 */
export async function* countedWhileStreaming<T>(db: Db, startId: string, rows: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } finally {
    await finishExpensiveWork(db, startId);
  }
}
