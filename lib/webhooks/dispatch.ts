import type { Db } from "@/lib/db/client";
import { recordAttempt } from "./outcome";
import { postWebhook, type SendOptions } from "./send";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/** A dispatcher's claim on a delivery: far above the request's timeout, so only a crash outlives it. */
const LEASE_MS = 2 * 60_000;

/** What a receiver gets: the event as stored, so a retry or a replay carries the same bytes. */
export function webhookBody(event: { id: string; type: string; data: unknown; createdAt: Date }): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints, oldest due first, and counts the attempt.
 * SKIP LOCKED and the lease keep two dispatchers (two app instances) off the same delivery.
 */
export async function unsafeClaimDueDeliveries(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" d SET "leaseUntil" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = d."attempts" + 1
    FROM (
      SELECT x."id" FROM "WebhookDelivery" x JOIN "WebhookEndpoint" e ON e."id" = x."endpointId"
      WHERE x."status" = 'PENDING' AND x."nextAttemptAt" <= ${now} AND (x."leaseUntil" IS NULL OR x."leaseUntil" < ${now})
        AND e."enabled"
      ORDER BY x."nextAttemptAt" LIMIT ${limit}
      FOR UPDATE OF x SKIP LOCKED) due
    WHERE d."id" = due."id"
    RETURNING d."id"`;
  return rows.map((row) => row.id);
}

/** Sends one claimed delivery, signed, and records what came back (outcome.ts). */
export async function unsafeAttemptDelivery(db: Db, deliveryId: string, now: Date, network: SendOptions) {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      attempts: true,
      event: { select: { id: true, type: true, data: true, createdAt: true } },
      endpoint: {
        select: { id: true, partnerId: true, url: true, secret: true, previousSecret: true, previousSecretUntil: true },
      },
    },
  });
  if (!delivery) return { status: "gone" as const, turnedOff: false };
  const { event, endpoint } = delivery;
  const body = webhookBody(event);
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now)
    secrets.push(endpoint.previousSecret);
  const response = await postWebhook(
    endpoint.url,
    body,
    {
      "Content-Type": "application/json",
      "User-Agent": "CLASSOUND-Webhooks/1.0",
      [SIGNATURE_HEADER]: signatureHeader(secrets, Math.floor(now.getTime() / 1000), body),
      // The same for every retry and replay of the event: receivers drop what they already handled.
      "Classound-Event-Id": event.id,
      "Classound-Event-Type": event.type,
      "Classound-Delivery-Id": delivery.id,
      "Classound-Delivery-Attempt": String(delivery.attempts),
    },
    network,
  );
  return recordAttempt(db, { delivery, endpoint, startedAt: now, response });
}

export interface DispatchOptions {
  now: () => Date;
  network: SendOptions;
  /** Requests in flight at once: a dead endpoint's timeouts hold a few of them, not the queue. */
  concurrency?: number;
  /** How long one run keeps claiming; the next run (a minute later, or woken) goes on. */
  budgetMs?: number;
}

/**
 * Sends every due delivery, `concurrency` at a time, claiming more as slots free up, until none is
 * due or the budget is spent. Answers what it did, and whether an endpoint was turned off (its
 * administrators' mail then waits in the outbox).
 */
export async function unsafeDispatchWebhooks(
  db: Db,
  { now, network, concurrency = 8, budgetMs = 45_000 }: DispatchOptions,
) {
  const started = performance.now();
  const result = { attempted: 0, succeeded: 0, turnedOff: 0 };
  const worker = async () => {
    while (performance.now() - started < budgetMs) {
      const [id] = await unsafeClaimDueDeliveries(db, now(), 1);
      if (!id) return;
      const outcome = await unsafeAttemptDelivery(db, id, now(), network);
      result.attempted++;
      if (outcome.status === "SUCCEEDED") result.succeeded++;
      if (outcome.turnedOff) result.turnedOff++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/** Events (with their deliveries and attempts) older than this are deleted: the log is for recent trouble. */
export const WEBHOOK_HISTORY_DAYS = 30;

/** Deletes old history a batch at a time (each run takes the next batch). */
export async function unsafePruneWebhookHistory(db: Db, now: Date, batch = 1000) {
  return db.$executeRaw`
    DELETE FROM "WebhookEvent" WHERE "id" IN (
      SELECT "id" FROM "WebhookEvent" WHERE "createdAt" < ${new Date(now.getTime() - WEBHOOK_HISTORY_DAYS * 86_400_000)}
      ORDER BY "createdAt" LIMIT ${batch})`;
}
