import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { formatDate, formatMoney } from "@/lib/format";
import { notifyCustomer, notifyPartner } from "@/lib/notifications/notify";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { activateService } from "./activate-service";
import { recordActivationEvent } from "./events";
import { loadActivationRequest } from "./load";
import { ZRejectRequest, ZRequestChanges } from "./schemas";
import { transitionActivationRequest } from "./transition";

/** An admin takes a submitted request into review, so others see it is being handled. */
export async function startActivationReview(db: Db, actor: Actor, requestId: string, version: number) {
  assertCan(actor, "activation.review");
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId);
    await transitionActivationRequest(tx, actor, request, version, "start_review");
    await recordActivationEvent(tx, request.id, actor.userId, "review_started", `${actor.name} started the review.`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "activation.review_started",
      entityType: "ActivationRequest",
      entityId: request.id,
    });
  });
}

/** Rejects with a reason the partner reads. Final. */
export async function rejectActivationRequest(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "activation.review");
  const { requestId, version, reason } = parseOrThrow(ZRejectRequest, input);
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId, { pbx: { select: { name: true } } });
    await transitionActivationRequest(tx, actor, request, version, "reject", {
      rejectionReason: reason,
      decidedAt: now,
      decidedById: actor.userId,
    });
    await recordActivationEvent(tx, request.id, actor.userId, "rejected", `Rejected: ${reason}`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "activation.rejected",
      entityType: "ActivationRequest",
      entityId: request.id,
      detail: { reason },
    });
    await notifyPartner(tx, request.partnerId, {
      title: "Activation request rejected",
      body: `The activation of CLASSOUND for PBX ${request.pbx.name} was rejected: ${reason}`,
      link: `/activations/${request.id}`,
    });
    await emitDecision(tx, request, { decision: "rejected", status: "REJECTED", note: reason }, now);
  });
}

/** Sends the request back, naming each document to replace and why; the rest stays as it is. */
export async function requestActivationChanges(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "activation.review");
  const { requestId, version, documents } = parseOrThrow(ZRequestChanges, input);
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId, {
      documents: { select: { id: true, name: true } },
      pbx: { select: { name: true } },
    });
    const names = new Map(request.documents.map((d) => [d.id, d.name]));
    const unknown = documents.filter((d) => !names.has(d.documentId));
    if (unknown.length) throw new AppError("INVALID", "A chosen document is not part of this request.");
    await transitionActivationRequest(tx, actor, request, version, "request_changes");
    for (const doc of documents) {
      await tx.activationDocument.update({
        where: { id: doc.documentId },
        data: { reviewStatus: "CHANGES_REQUESTED", reviewComment: doc.comment, replacedFileId: null },
      });
    }
    const list = documents.map((d) => `${names.get(d.documentId)}: ${d.comment}`).join("; ");
    await recordActivationEvent(tx, request.id, actor.userId, "changes_requested", `Changes requested. ${list}`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "activation.changes_requested",
      entityType: "ActivationRequest",
      entityId: request.id,
      detail: { documents },
    });
    await notifyPartner(tx, request.partnerId, {
      title: "Changes requested on an activation",
      body: `Replace these documents for PBX ${request.pbx.name}: ${list}`,
      link: `/activations/${request.id}`,
    });
    await emitDecision(
      tx,
      request,
      {
        decision: "changes_requested",
        status: "CHANGES_REQUESTED",
        note: list,
        documents: documents.map((d) => ({
          documentId: d.documentId,
          name: names.get(d.documentId),
          comment: d.comment,
        })),
      },
      now,
    );
  });
}

/** Approves: CLASSOUND goes on for the PBX with its term (R3), and the documents join the customer's compliance profile. */
export async function approveActivationRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  version: number,
  now = new Date(),
) {
  assertCan(actor, "activation.review");
  return db.$transaction(
    async (tx) => {
      const request = await loadActivationRequest(tx, actor, requestId, { pbx: { select: { name: true } } });
      await transitionActivationRequest(tx, actor, request, version, "approve", {
        decidedAt: now,
        decidedById: actor.userId,
      });
      const { service, charge } = await activateService(tx, request, now);
      // The amount and the formula it came from, as the partner saw them before submitting.
      const firstCharge = `first charge ${formatMoney(charge.amount.toFixed(2), charge.currency)} (${charge.description})`;
      await recordActivationEvent(
        tx,
        request.id,
        actor.userId,
        "approved",
        `Approved. CLASSOUND is active until ${formatDate(service.expiresAt)}; ${firstCharge}.`,
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "activation.approved",
        entityType: "ActivationRequest",
        entityId: request.id,
        detail: { serviceId: service.id },
      });
      await notifyPartner(tx, request.partnerId, {
        title: "CLASSOUND activated",
        body: `CLASSOUND is now active on PBX ${request.pbx.name}, until ${formatDate(service.expiresAt)}. ${firstCharge[0].toUpperCase()}${firstCharge.slice(1)}.`,
        link: `/activations/${request.id}`,
      });
      // The end user hears of it too, without the partner's price: what they pay is between them and the partner.
      await notifyCustomer(tx, request.customerId, {
        title: "CLASSOUND is active on your PBX",
        body: `CLASSOUND is now active on PBX ${request.pbx.name}, until ${formatDate(service.expiresAt)}.`,
        link: `/pbxs/${request.pbxId}`,
        event: "service",
      });
      await emitDecision(
        tx,
        request,
        {
          decision: "approved",
          status: "APPROVED",
          note: null,
          serviceId: service.id,
          serviceExpiresAt: service.expiresAt.toISOString(),
        },
        now,
      );
      return service;
    },
    { timeout: 15_000 },
  );
}

/** The partner's systems hear of the decision (webhook "activation.decided"), in the decision's transaction. */
function emitDecision(
  tx: Pick<Db, "$executeRaw">,
  request: { id: string; partnerId: string; pbxId: string; customerId: string },
  decision: { decision: string; status: string; note: string | null } & Record<string, unknown>,
  now: Date,
) {
  const data = { id: request.id, pbxId: request.pbxId, customerId: request.customerId, ...decision };
  return emitWebhookEvent(tx, request.partnerId, "activation.decided", { ...data, decidedAt: now.toISOString() }, now);
}
