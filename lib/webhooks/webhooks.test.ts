import { afterAll, describe, expect, it } from "vitest";
import { rejectActivationRequest } from "@/lib/activations/review-request";
import type { Actor } from "@/lib/auth/actor";
import { orderNumbers } from "@/lib/numbers/order";
import { replyToTicket } from "@/lib/tickets/reply";
import {
  makeActiveService,
  makeNumberPriceList,
  makeNumberRange,
  makeTwoTenants,
  makeUser,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { startWebhookReceiver, type ReceivedWebhook } from "@/lib/testing/webhook-receiver";
import { replayWebhookDelivery, sendWebhookTestEvent, webhookDeliveryLog } from "./deliveries";
import { unsafeDispatchWebhooks } from "./dispatch";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  webhookEndpoint,
} from "./endpoints";
import { webhookDispatchJob } from "./jobs";
import { retryDelaySeconds, WEBHOOK_MAX_ATTEMPTS } from "./outcome";
import { verifyWebhookSignature } from "./signature";

const { prisma } = await createTestDatabase();
const receiver = await startWebhookReceiver();
afterAll(() => receiver.stop());

const { a, b, admin } = await makeTwoTenants(prisma);
const adminOf = async (actor: Actor) => {
  await prisma.user.update({ where: { id: actor.userId }, data: { isPartnerAdmin: true } });
  return { ...actor, isPartnerAdmin: true };
};
const aAdmin = await adminOf(a.partnerActor);
const bAdmin = await adminOf(b.partnerActor);
// Private addresses allowed for this file's receiver on 127.0.0.1 (CLASSOUND_WEBHOOK_ALLOW_PRIVATE in dev).
const network = { allowPrivate: true };
const T0 = new Date("2026-12-07T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const dispatch = (now: Date) => unsafeDispatchWebhooks(prisma, { now: () => now, network });

async function endpoint(actor: Actor, path: string, events: string[]) {
  return createWebhookEndpoint(prisma, actor, { url: receiver.url(path), description: path, events }, network);
}
const payload = (webhook: ReceivedWebhook) => JSON.parse(webhook.body);
const signedBy = (secret: string, webhook: ReceivedWebhook, now: Date) =>
  verifyWebhookSignature(secret, webhook.headers["classound-signature"] as string, webhook.body, { now });

describe("webhook events from the portal's own functions", () => {
  it("delivers an activation decision to its partner's endpoint, signed, and to no other partner; a refused change emits nothing", async () => {
    const { secret } = await endpoint(aAdmin, "/a/decided", ["activation.decided"]);
    const { endpoint: other } = await endpoint(aAdmin, "/a/submitted", ["activation.submitted"]);
    const { endpoint: foreign } = await endpoint(bAdmin, "/b/all", ["activation.decided", "activation.submitted"]);
    const request = await prisma.activationRequest.create({
      data: {
        partnerId: a.partner.id,
        customerId: a.customer.id,
        pbxId: a.pbx.id,
        countryCode: "DE",
        status: "SUBMITTED",
        createdById: a.partnerActor.userId,
        submittedAt: T0,
      },
    });
    const reason = "The VAT number does not match the registration extract.";
    // A stale version is refused: the transaction rolls back, and its event with it.
    await expect(
      rejectActivationRequest(prisma, admin, { requestId: request.id, version: 7, reason }, T0),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await prisma.webhookEvent.count()).toBe(0);
    await rejectActivationRequest(prisma, admin, { requestId: request.id, version: 0, reason }, T0);

    expect(await dispatch(T0)).toMatchObject({ attempted: 1, succeeded: 1 });
    const [received] = receiver.at("/a/decided");
    expect(receiver.received.map((r) => r.path)).toEqual(["/a/decided"]);
    expect(signedBy(secret, received, T0)).toBe(true);
    expect(signedBy(secret, received, at(400))).toBe(false);
    const event = payload(received);
    expect(event).toMatchObject({
      type: "activation.decided",
      createdAt: T0.toISOString(),
      data: {
        id: request.id,
        pbxId: a.pbx.id,
        customerId: a.customer.id,
        decision: "rejected",
        status: "REJECTED",
        note: reason,
      },
    });
    expect(received.headers).toMatchObject({
      "content-type": "application/json",
      "classound-event-id": event.id,
      "classound-event-type": "activation.decided",
      "classound-delivery-attempt": "1",
    });

    // Each partner sees only its own endpoints and logs; another's are NOT_FOUND like missing ones.
    expect((await listWebhookEndpoints(prisma, bAdmin)).map((e) => e.id)).toEqual([foreign.id]);
    const log = await webhookDeliveryLog(prisma, aAdmin, (await listWebhookEndpoints(prisma, aAdmin)).at(-1)!.id);
    expect(log.deliveries).toMatchObject([
      { status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, event: { id: event.id } },
    ]);
    expect(log.deliveries[0].attemptLog).toMatchObject([{ number: 1, statusCode: 200, responseSnippet: "ok" }]);
    const refusals = [
      () => webhookDeliveryLog(prisma, bAdmin, other.id),
      () => webhookEndpoint(prisma, bAdmin, other.id),
      () => replayWebhookDelivery(prisma, bAdmin, { deliveryId: log.deliveries[0].id }),
      () => sendWebhookTestEvent(prisma, bAdmin, { endpointId: other.id }),
      () => setWebhookEndpointEnabled(prisma, bAdmin, { endpointId: other.id, enabled: false }),
      () => rotateWebhookSecret(prisma, bAdmin, { endpointId: other.id }),
      () => deleteWebhookEndpoint(prisma, bAdmin, { endpointId: other.id }),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.webhookEndpoint.count({ where: { id: other.id, enabled: true } })).toBe(1);
    // Only partner administrators (and keys) manage webhooks; not a colleague, an end user or the operator.
    for (const actor of [a.partnerActor, a.endUserActor, admin])
      await expect(listWebhookEndpoints(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("delivers a number order as it is placed (one statement), and nothing for an order that fails", async () => {
    await endpoint(aAdmin, "/a/orders", ["number_order.completed"]);
    await makeNumberPriceList(prisma, a.partner.tierId, [
      { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
    ]);
    await makeActiveService(prisma, a.pbx);
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: "Hooks", first, size: 20 });
    const order = (blockCount: number, key: string) =>
      orderNumbers(
        prisma,
        a.partnerActor,
        {
          pbxId: a.pbx.id,
          countryCode: "DE",
          type: "GEOGRAPHIC",
          areaName: "Hooks",
          blockSize: 10,
          blockCount,
          idempotencyKey: key,
        },
        at(60),
      );
    await expect(order(5, "too-many")).rejects.toMatchObject({ code: "CONFLICT" });
    const { result } = await order(1, "one-block");
    await dispatch(at(60));
    expect(receiver.at("/a/orders").map((r) => payload(r).data)).toEqual([
      {
        id: result.orderId,
        pbxId: a.pbx.id,
        status: "COMPLETED",
        countryCode: "DE",
        type: "GEOGRAPHIC",
        blockSize: 10,
        blockCount: 1,
        blocks: [{ firstE164: first, lastE164: `+${BigInt(first.slice(1)) + 9n}`, size: 10 }],
        chargeTotal: result.chargeTotal,
        currency: "EUR",
        createdAt: at(60).toISOString(),
      },
    ]);
  });

  it("tells the partner's systems of support's replies only", async () => {
    await endpoint(aAdmin, "/a/tickets", ["ticket.replied"]);
    const ticket = await prisma.ticket.create({
      data: { partnerId: a.partner.id, category: "CNAM", subject: "Caller name", createdById: a.partnerActor.userId },
    });
    await replyToTicket(prisma, a.partnerActor, { ticketId: ticket.id, body: "Any news?" });
    await replyToTicket(prisma, admin, { ticketId: ticket.id, body: "Done: the name shows from tomorrow." });
    await dispatch(new Date());
    expect(receiver.at("/a/tickets").map((r) => payload(r).data)).toMatchObject([
      {
        id: ticket.id,
        subject: "Caller name",
        status: "WAITING_FOR_PARTNER",
        body: "Done: the name shows from tomorrow.",
      },
    ]);
  });
});

describe("delivery", () => {
  it("retries a 500 with growing waits, then succeeds; a replay sends the same event again as a new delivery", async () => {
    const { endpoint: hook, secret } = await endpoint(aAdmin, "/retry", ["porting.scheduled"]);
    receiver.answer("/retry", 500, "busy");
    await sendWebhookTestEvent(prisma, aAdmin, { endpointId: hook.id }, T0);
    await dispatch(T0);
    // Not due yet: nothing is sent before the wait is over, however often the dispatcher runs.
    await dispatch(at(59));
    expect(receiver.at("/retry")).toHaveLength(1);
    await dispatch(at(60));
    await dispatch(at(60 + 299));
    expect(receiver.at("/retry")).toHaveLength(2);
    receiver.answer("/retry", 204);
    await dispatch(at(60 + 300));
    const sent = receiver.at("/retry");
    expect(sent.map((r) => r.headers["classound-delivery-attempt"])).toEqual(["1", "2", "3"]);
    expect(new Set(sent.map((r) => r.body)).size).toBe(1);
    expect(signedBy(secret, sent[2], at(360))).toBe(true);
    expect(payload(sent[0])).toMatchObject({ type: "webhook.test", data: { message: expect.any(String) } });

    const [delivery] = (await webhookDeliveryLog(prisma, aAdmin, hook.id)).deliveries;
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 204, nextAttemptAt: null });
    expect(delivery.attemptLog.map((x) => [x.number, x.statusCode, x.responseSnippet])).toEqual([
      [3, 204, null],
      [2, 500, "busy"],
      [1, 500, "busy"],
    ]);

    await replayWebhookDelivery(prisma, aAdmin, { deliveryId: delivery.id }, at(400));
    // The job as the worker runs it (now from its context); twice is once.
    const context = { db: prisma, sendMail: null, now: () => at(400), enqueue: async () => undefined };
    const job = webhookDispatchJob.parse({});
    await Promise.all([webhookDispatchJob.run(context, job), webhookDispatchJob.run(context, job)]);
    // Configured policy: private addresses refused here, so the replay is logged as refused, never sent.
    const log = await webhookDeliveryLog(prisma, aAdmin, hook.id);
    expect(log.deliveries[0]).toMatchObject({
      replayOfId: delivery.id,
      status: "PENDING",
      attempts: 1,
      lastStatusCode: null,
    });
    expect(log.deliveries[0].lastError).toMatch(/not a public address/);
    expect(receiver.at("/retry")).toHaveLength(3);
    await dispatch(at(400 + retryDelaySeconds(1)));
    const replayed = receiver.at("/retry")[3];
    expect(replayed.headers["classound-event-id"]).toBe(sent[0].headers["classound-event-id"]);
    expect(replayed.headers["classound-delivery-id"]).not.toBe(sent[0].headers["classound-delivery-id"]);
    expect(replayed.body).toBe(sent[0].body);
  });

  it("turns an endpoint off after a day of failures, mails the partner's administrators, and keeps it off until turned on", async () => {
    const colleague = await makeUser(prisma, "PARTNER", { partnerId: a.partner.id });
    const { endpoint: hook, secret } = await endpoint(aAdmin, "/down", ["porting.scheduled"]);
    receiver.answer("/down", 503);
    const start = at(10_000);
    await sendWebhookTestEvent(prisma, aAdmin, { endpointId: hook.id }, start);
    const waits: number[] = [];
    const enqueued: string[] = [];
    let now = start;
    for (let attempt = 1; ; attempt++) {
      // The last attempt runs as the worker's job does: under the configured policy, which refuses the
      // receiver's private address (a failure like any other), and asking for the mail sweep.
      const context = {
        db: prisma,
        sendMail: null,
        now: () => now,
        enqueue: async (name: string) => void enqueued.push(name),
      };
      if (attempt === 7) await webhookDispatchJob.run(context, {});
      else await dispatch(now);
      const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
      expect(delivery.attempts).toBe(attempt);
      if (delivery.status !== "PENDING") break;
      waits.push((delivery.nextAttemptAt!.getTime() - now.getTime()) / 1000);
      now = delivery.nextAttemptAt!;
    }
    // 1 min ×5 each time, capped at 12 h; the 7th attempt, past 24 h of failures, turns the endpoint off.
    expect(waits).toEqual([60, 300, 1500, 7500, 37500, 43200]);
    expect(waits.length + 1).toBeLessThan(WEBHOOK_MAX_ATTEMPTS);
    const off = await webhookEndpoint(prisma, aAdmin, hook.id);
    expect(off).toMatchObject({ enabled: false, disabledAt: now, failureStreak: 7 });
    expect(off.disabledReason).toMatch(
      /^Every delivery failed from .* on\. The last: 127\.0\.0\.1 is not a public address.*[^.]\.$/,
    );
    expect(enqueued).toEqual(["mail-sweep"]);
    const [delivery] = (await webhookDeliveryLog(prisma, aAdmin, hook.id)).deliveries;
    expect(delivery.status).toBe("FAILED");

    const mails = await prisma.outboxEmail.findMany({ where: { subject: "A webhook endpoint was turned off" } });
    const admins = await prisma.user.findMany({ where: { id: { in: [aAdmin.userId, colleague.id] } } });
    expect(mails.map((m) => m.to)).toEqual([admins.find((u) => u.id === aAdmin.userId)!.email]);
    expect(mails[0].text).toContain(receiver.url("/down"));
    expect(await prisma.notification.count({ where: { userId: colleague.id } })).toBe(0);

    // Off: nothing more is sent, and a replay is refused until it is turned on again.
    await dispatch(at(10_000 + 3 * 86_400));
    expect(receiver.at("/down")).toHaveLength(6);
    await expect(replayWebhookDelivery(prisma, aAdmin, { deliveryId: delivery.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await setWebhookEndpointEnabled(prisma, aAdmin, { endpointId: hook.id, enabled: true });
    expect(await webhookEndpoint(prisma, aAdmin, hook.id)).toMatchObject({
      enabled: true,
      failureStreak: 0,
      disabledReason: null,
    });

    // A rotated secret: the old one still verifies for a day, beside the new.
    const { secret: rotated } = await rotateWebhookSecret(prisma, aAdmin, { endpointId: hook.id }, now);
    receiver.answer("/down", 200);
    await replayWebhookDelivery(prisma, aAdmin, { deliveryId: delivery.id }, now);
    await dispatch(now);
    const last = receiver.at("/down").at(-1)!;
    expect([signedBy(rotated, last, now), signedBy(secret, last, now)]).toEqual([true, true]);
    expect((await webhookDeliveryLog(prisma, aAdmin, hook.id)).deliveries[0].status).toBe("SUCCEEDED");
  });
});
