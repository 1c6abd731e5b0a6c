import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { notifyAdmins } from "@/lib/notifications/notify";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { recordActivationEvent } from "./events";
import { loadActivationRequest } from "./load";
import { precheckActivationRequest, precheckInputOf, type PrecheckIssue } from "./precheck";
import { transitionActivationRequest } from "./transition";

const PRECHECK_INCLUDE = { documents: true, country: { select: { activationEnabled: true } } } as const;

/** Each issue's message under its target (a field's name, `document:<slot id>`), for a client to show beside it. */
const issueErrors = (issues: PrecheckIssue[]) =>
  fieldErrorsOf(issues.map(({ target, message }) => ({ path: [target], message })));

/** The pre-check of a request the actor may see. */
export async function precheckFor(db: Db, actor: Actor, requestId: string, now = new Date()) {
  const request = await loadActivationRequest(db, actor, requestId, PRECHECK_INCLUDE);
  return precheckActivationRequest(precheckInputOf(request), now);
}

/**
 * Submits a clean draft, or resubmits after changes. From then on the request is read-only for the
 * partner until an admin acts.
 */
export async function submitActivationRequest(
  db: Db,
  actor: Actor,
  requestId: string,
  version: number,
  now = new Date(),
) {
  assertCanChange(actor, "activation.request");
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId, {
      ...PRECHECK_INCLUDE,
      pbx: { select: { name: true } },
      partner: { select: { name: true } },
    });
    const issues = precheckActivationRequest(precheckInputOf(request), now);
    if (issues.length)
      throw new AppError(
        "INVALID",
        `${formatCount(issues.length, "item")} still ${issues.length === 1 ? "needs" : "need"} attention before submitting.`,
        issueErrors(issues),
      );
    const resubmission = request.status === "CHANGES_REQUESTED";
    const step = resubmission ? "resubmit" : "submit";
    const status = await transitionActivationRequest(tx, actor, request, version, step, { submittedAt: now });
    // The replacements go back to the reviewer; which file each replaced stays on the slot for them.
    if (resubmission)
      await tx.activationDocument.updateMany({
        where: { requestId: request.id, reviewStatus: "CHANGES_REQUESTED" },
        data: { reviewStatus: "PENDING" },
      });
    await recordActivationEvent(
      tx,
      request.id,
      actor.userId,
      resubmission ? "resubmitted" : "submitted",
      resubmission ? "Resubmitted with the requested changes." : "Submitted for review.",
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: resubmission ? "activation.resubmitted" : "activation.submitted",
      entityType: "ActivationRequest",
      entityId: request.id,
    });
    await notifyAdmins(tx, {
      title: resubmission ? "Activation request resubmitted" : "New activation request",
      body: `${request.partner.name} ${resubmission ? "resubmitted" : "submitted"} the activation of CLASSOUND for PBX ${request.pbx.name}.`,
      link: `/admin/activations/${request.id}`,
    });
    await emitWebhookEvent(
      tx,
      request.partnerId,
      "activation.submitted",
      {
        id: request.id,
        pbxId: request.pbxId,
        customerId: request.customerId,
        status,
        resubmission,
        submittedAt: now.toISOString(),
      },
      now,
    );
  });
}
