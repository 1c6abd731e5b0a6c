import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** How long the first answer for a key is replayed (Stripe keeps keys 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A stable hash of a request body: the same fields in any order hash the same. */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

/** The same key with another body: INVALID to a form, 422 to the partner API (the IETF draft's status). */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super("INVALID", "This idempotency key was already used with a different request. Start a new order.");
    this.name = "IdempotencyKeyReusedError";
  }
}

export interface IdempotentCall {
  partnerId: string;
  scope: string;
  key: string;
  body: unknown;
  now?: Date;
}

/**
 * Runs `work` once per (partner, scope, key), the way Stripe and Telnyx do it: the same key with the
 * same body replays the first answer for 24 hours; with a different body it is refused (422); while
 * the first call is still running a second one gets 409. The IN_PROGRESS record is committed before
 * the work starts, so a concurrent duplicate sees it. A call that fails stores nothing, so the
 * client may retry it with the same key.
 *
 * `work` gets the body's hash. With `storedByWork` the work itself marks the record DONE with its
 * answer in the same statement or transaction as its changes (see place-order.ts), so the answer and
 * the changes commit together and no separate update follows.
 */
export async function withIdempotency<T extends Prisma.InputJsonValue>(
  db: Db,
  call: IdempotentCall,
  work: (hash: string) => Promise<T>,
  { storedByWork = false }: { storedByWork?: boolean } = {},
): Promise<{ replayed: boolean; result: T }> {
  const now = call.now ?? new Date();
  const hash = requestHash(call.body);
  const [opened] = await db.$queryRaw<
    { taken: boolean; requestHash: string | null; state: string | null; responseBody: T | null }[]
  >`
    WITH "taken" AS (
      -- A new key is taken; so is an expired one (it is forgotten, so it may be used again), in the
      -- same statement: no DELETE first. A live record is left alone, and read below.
      INSERT INTO "IdempotencyRecord" ("id", "partnerId", "scope", "key", "requestHash", "state", "expiresAt", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${call.partnerId}, ${call.scope}, ${call.key}, ${hash}, 'IN_PROGRESS', ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}, ${now}, ${now})
      ON CONFLICT ("partnerId", "scope", "key") DO UPDATE
        SET "requestHash" = EXCLUDED."requestHash", "state" = 'IN_PROGRESS', "responseStatus" = NULL, "responseBody" = NULL,
            "expiresAt" = EXCLUDED."expiresAt", "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "IdempotencyRecord"."expiresAt" <= ${now}
      RETURNING 1
    )
    SELECT true AS "taken", NULL AS "requestHash", NULL AS "state", NULL::jsonb AS "responseBody" FROM "taken"
    UNION ALL
    SELECT false, r."requestHash", r."state"::text, r."responseBody" FROM "IdempotencyRecord" r
    WHERE r."partnerId" = ${call.partnerId} AND r."scope" = ${call.scope} AND r."key" = ${call.key} AND NOT EXISTS (SELECT 1 FROM "taken")`;
  if (!opened?.taken) {
    // No row: the conflicting record was committed after this statement's snapshot, by a call still running.
    if (!opened) throw new AppError("CONFLICT", "This request is being processed; try again in a moment.");
    if (opened.requestHash !== hash) throw new IdempotencyKeyReusedError();
    if (opened.state === "IN_PROGRESS") throw new AppError("CONFLICT", "This order is already being processed.");
    return { replayed: true, result: opened.responseBody as T };
  }
  const where = { partnerId_scope_key: { partnerId: call.partnerId, scope: call.scope, key: call.key } };
  try {
    const result = await work(hash);
    if (!storedByWork)
      await db.idempotencyRecord.update({ where, data: { state: "DONE", responseStatus: 200, responseBody: result } });
    return { replayed: false, result };
  } catch (error) {
    // Only our own unfinished record: an answer that was stored stays stored.
    await db.idempotencyRecord
      .deleteMany({ where: { partnerId: call.partnerId, scope: call.scope, key: call.key, state: "IN_PROGRESS" } })
      .catch(() => undefined);
    throw error;
  }
}

/** Forgets keys older than 24 hours (a job). */
export async function unsafeDeleteExpiredIdempotencyKeys(db: Db, now: Date) {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
