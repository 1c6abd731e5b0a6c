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
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash("sha256").update(JSON.stringify(canonical(body))).digest("hex");
}

interface IdempotentCall {
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
 */
export async function withIdempotency<T extends Prisma.InputJsonValue>(db: Db, call: IdempotentCall, work: () => Promise<T>): Promise<{ replayed: boolean; result: T }> {
  const now = call.now ?? new Date();
  const hash = requestHash(call.body);
  const where = { partnerId_scope_key: { partnerId: call.partnerId, scope: call.scope, key: call.key } };
  // An expired key is forgotten, so it may be used again.
  await db.idempotencyRecord.deleteMany({ where: { partnerId: call.partnerId, scope: call.scope, key: call.key, expiresAt: { lte: now } } });
  const inserted = await db.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("id", "partnerId", "scope", "key", "requestHash", "state", "expiresAt", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${call.partnerId}, ${call.scope}, ${call.key}, ${hash}, 'IN_PROGRESS', ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}, ${now}, ${now})
    ON CONFLICT ("partnerId", "scope", "key") DO NOTHING`;
  if (inserted === 0) {
    const existing = await db.idempotencyRecord.findUnique({ where, select: { requestHash: true, state: true, responseBody: true } });
    if (!existing) throw new AppError("CONFLICT", "This request is being processed; try again in a moment.");
    if (existing.requestHash !== hash) throw new AppError("INVALID", "This idempotency key was already used with a different request. Start a new order.");
    if (existing.state === "IN_PROGRESS") throw new AppError("CONFLICT", "This order is already being processed.");
    return { replayed: true, result: existing.responseBody as T };
  }
  try {
    const result = await work();
    await db.idempotencyRecord.update({ where, data: { state: "DONE", responseStatus: 200, responseBody: result } });
    return { replayed: false, result };
  } catch (error) {
    await db.idempotencyRecord.delete({ where }).catch(() => undefined);
    throw error;
  }
}

/** Forgets keys older than 24 hours (a job). */
export async function unsafeDeleteExpiredIdempotencyKeys(db: Db, now: Date) {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
