import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { formatDateTime } from "@/lib/format";
import { notifyPartner } from "@/lib/notifications/notify";
import { auditEndpoint } from "./audit";
import type { WebhookResponse } from "./send";

type Tx = Prisma.TransactionClient;

/** Attempts of one delivery: the first, then retries after 1 min, 5 min, 25 min, ~2 h, ~10 h, 12 h, 12 h (about 37 h). */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** The endpoint is turned off once every attempt to it for this long failed (and at least TURN_OFF_FAILURES of them). */
export const TURN_OFF_AFTER_HOURS = 24;
export const TURN_OFF_FAILURES = 5;

/** The wait after the `failed`-th failed attempt of a delivery: ×5 each time from a minute, at most 12 hours. */
export function retryDelaySeconds(failed: number): number {
  return Math.min(60 * 5 ** Math.max(0, failed - 1), 12 * 3600);
}

const isSuccess = (response: WebhookResponse) =>
  response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;

/** Gives up what waits for an endpoint that is turned off: the log says why, a replay sends it later. */
export async function failPendingDeliveries(tx: Pick<Db, "webhookDelivery">, endpointId: string, reason: string) {
  await tx.webhookDelivery.updateMany({
    where: { endpointId, status: "PENDING" },
    data: { status: "FAILED", nextAttemptAt: null, leaseUntil: null, lastError: reason },
  });
}

/**
 * Turns off an endpoint every attempt to which failed for a day, fails what waits for it, and tells
 * the partner's administrators (notification and mail, in this transaction). Once, whoever races.
 */
async function turnOff(
  tx: Tx,
  endpoint: { id: string; partnerId: string; url: string },
  now: Date,
  since: Date,
  last: string,
) {
  const reason = `Every delivery failed from ${formatDateTime(since)} on. The last: ${last.replace(/\.$/, "")}.`;
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason.slice(0, 500) },
  });
  if (!count) return false;
  await failPendingDeliveries(tx, endpoint.id, "The endpoint was turned off after repeated failures.");
  await auditEndpoint(tx, null, "webhook.turned_off", endpoint, { reason });
  await notifyPartner(
    tx,
    endpoint.partnerId,
    {
      title: "A webhook endpoint was turned off",
      body: `${endpoint.url} has not accepted a webhook for ${TURN_OFF_AFTER_HOURS} hours, so CLASSOUND stopped sending to it. ${reason} Fix the receiver, turn the endpoint on again and replay the deliveries you need.`,
      link: "/webhooks",
      event: "webhooks",
    },
    { adminsOnly: true },
  );
  return true;
}

export interface AttemptRecord {
  delivery: { id: string; attempts: number };
  endpoint: { id: string; partnerId: string; url: string };
  startedAt: Date;
  response: WebhookResponse;
}

/**
 * Records one attempt in the delivery log and moves the delivery on: succeeded, a retry after the
 * backoff, or failed after the last attempt. The endpoint's failure count follows; past a day of
 * failures it is turned off. Answers what became of the delivery and whether the endpoint was turned off.
 */
export async function recordAttempt(db: Db, { delivery, endpoint, startedAt, response }: AttemptRecord) {
  const ok = isSuccess(response);
  return db.$transaction(async (tx) => {
    // The endpoint's lock, then the delivery's: the order of every change to an endpoint (turning it
    // off fails its deliveries, deleting it takes them along), so two never deadlock. Either gone: done.
    const [owner] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "WebhookEndpoint" WHERE "id" = ${endpoint.id} FOR UPDATE`;
    const [current] = owner
      ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WebhookDelivery" WHERE "id" = ${delivery.id} FOR UPDATE`
      : [];
    if (!current) return { status: "gone" as const, turnedOff: false };
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        number: delivery.attempts,
        startedAt,
        durationMs: response.durationMs,
        statusCode: response.statusCode,
        error: response.error?.slice(0, 1000) ?? null,
        responseSnippet: response.snippet,
      },
    });
    const [health] = ok
      ? await tx.$queryRaw<{ enabled: boolean; failureStreak: number; failingSince: Date | null }[]>`
          UPDATE "WebhookEndpoint" SET "failureStreak" = 0, "failingSince" = NULL WHERE "id" = ${endpoint.id}
          RETURNING "enabled", "failureStreak", "failingSince"`
      : await tx.$queryRaw<{ enabled: boolean; failureStreak: number; failingSince: Date | null }[]>`
          UPDATE "WebhookEndpoint" SET "failureStreak" = "failureStreak" + 1, "failingSince" = COALESCE("failingSince", ${startedAt})
          WHERE "id" = ${endpoint.id} RETURNING "enabled", "failureStreak", "failingSince"`;
    const turnedOff =
      !ok &&
      !!health?.enabled &&
      health.failureStreak >= TURN_OFF_FAILURES &&
      startedAt.getTime() - health.failingSince!.getTime() >= TURN_OFF_AFTER_HOURS * 3_600_000 &&
      (await turnOff(tx, endpoint, startedAt, health.failingSince!, response.error ?? "no answer"));
    const retry = !ok && !turnedOff && health?.enabled && delivery.attempts < WEBHOOK_MAX_ATTEMPTS;
    const status = ok ? "SUCCEEDED" : retry ? "PENDING" : "FAILED";
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status,
        nextAttemptAt: retry ? new Date(startedAt.getTime() + retryDelaySeconds(delivery.attempts) * 1000) : null,
        leaseUntil: null,
        lastAttemptAt: startedAt,
        lastStatusCode: response.statusCode,
        lastError: ok ? null : (response.error?.slice(0, 1000) ?? null),
      },
    });
    return { status, turnedOff };
  });
}
