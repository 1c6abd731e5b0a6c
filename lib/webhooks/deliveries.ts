import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { pageOf } from "@/lib/paging";
import { auditEndpoint } from "./audit";
import { assertManagesWebhooks, ownEndpoint, webhookEndpoint } from "./endpoints";
import { WEBHOOK_TEST_EVENT } from "./event-types";
import { ZWebhookDeliveryRef, ZWebhookEndpointRef } from "./schemas";

export const DELIVERY_PAGE_SIZE = 20;

/** An endpoint's delivery log, newest first, a page at a time, each delivery with its attempts. */
export async function webhookDeliveryLog(db: Db, actor: Actor, endpointId: string, askedPage = 1) {
  const endpoint = await webhookEndpoint(db, actor, endpointId);
  const where = { endpointId: endpoint.id };
  const total = await db.webhookDelivery.count({ where });
  const { page, pageCount, skip, take } = pageOf(total, DELIVERY_PAGE_SIZE, askedPage);
  const deliveries = await db.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      replayOfId: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      attemptLog: {
        orderBy: { id: "desc" },
        select: {
          id: true,
          number: true,
          startedAt: true,
          durationMs: true,
          statusCode: true,
          error: true,
          responseSnippet: true,
        },
      },
    },
  });
  return { endpoint, deliveries, total, page, pageCount };
}
export type WebhookDeliveryRow = Awaited<ReturnType<typeof webhookDeliveryLog>>["deliveries"][number];

/** Queues a delivery for an enabled endpoint of the actor's partner (the NOTIFY trigger wakes the dispatcher). */
async function queueDelivery(
  db: Db,
  actor: Actor,
  endpointId: string,
  event: { id: string } | { type: string; data: object },
  replayOfId: string | null,
  now: Date,
) {
  const partnerId = assertManagesWebhooks(actor, true);
  return db.$transaction(async (tx) => {
    // Locked, so it cannot be turned off between this check and the delivery's insert.
    const endpoint = await ownEndpoint(tx, partnerId, endpointId);
    if (!endpoint.enabled) throw new AppError("CONFLICT", "This endpoint is turned off: turn it on first.");
    const eventId =
      "id" in event
        ? event.id
        : (await tx.webhookEvent.create({ data: { partnerId, type: event.type, data: event.data, createdAt: now } }))
            .id;
    const delivery = await tx.webhookDelivery.create({
      data: { eventId, endpointId: endpoint.id, nextAttemptAt: now, createdAt: now, replayOfId },
      select: { id: true },
    });
    const action = replayOfId ? "webhook.replayed" : "webhook.test_sent";
    await auditEndpoint(tx, actor, action, endpoint, { deliveryId: delivery.id, eventId });
    return delivery;
  });
}

/**
 * Sends a delivery's event again to its endpoint, as a new delivery with its own retries: same
 * event id and body, so a receiver that already handled it can tell.
 */
export async function replayWebhookDelivery(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const partnerId = assertManagesWebhooks(actor, true);
  const { deliveryId } = parseOrThrow(ZWebhookDeliveryRef, input);
  const original = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpoint: { partnerId } },
    select: { id: true, eventId: true, endpointId: true },
  });
  if (!original) throw new AppError("NOT_FOUND", "This delivery does not exist.");
  return queueDelivery(db, actor, original.endpointId, { id: original.eventId }, original.id, now);
}

/** A "webhook.test" event to this endpoint only, whatever events it wants: to check the receiver and its signature check. */
export async function sendWebhookTestEvent(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const { endpointId } = parseOrThrow(ZWebhookEndpointRef, input);
  const data = { message: "A test event from the CLASSOUND portal: your endpoint receives and verifies webhooks." };
  return queueDelivery(db, actor, endpointId, { type: WEBHOOK_TEST_EVENT, data }, null, now);
}
