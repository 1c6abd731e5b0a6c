import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadLicencePbx, type LoadedPbx, type Plan, type Tx } from "./licence-change-core";
import { planChange } from "./licence-change-plans";
import { LEVEL_TYPE, LICENCE_LEVELS, ZLicenceChange } from "./schemas";

export type { LicenceChangeOutcome } from "./licence-change-core";

/**
 * What a licence change would do and charge, computed exactly as `applyLicenceChange` will, without
 * storing anything: the form shows it before the partner confirms. The same refusals, field by field.
 */
export async function previewLicenceChange(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "pbx.manage");
  const change = parseOrThrow(ZLicenceChange, input);
  const pbx = await loadLicencePbx(db, actor, change.pbxId);
  return (await planChange(db, pbx, change, now)).outcome;
}

/**
 * Records a licence change as a PBX licence event, in one transaction with its effects: the PBX's new
 * values, a renewal's move of the running CLASSOUND service to the new expiry (R3), the charge it
 * raises (R4) and the audit entry. The PBX row is locked first, so two changes of one PBX (a double
 * click, two people) run one after the other and the second sees the first.
 */
export async function applyLicenceChange(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "pbx.manage");
  const change = parseOrThrow(ZLicenceChange, input);
  return db.$transaction(async (tx) => {
    await loadLicencePbx(tx, actor, change.pbxId);
    await tx.$queryRaw`SELECT id FROM "Pbx" WHERE id = ${change.pbxId} FOR UPDATE`;
    const pbx = await loadLicencePbx(tx, actor, change.pbxId);
    const plan = await planChange(tx, pbx, change, now);
    await carryOut(tx, actor, pbx, plan, now);
    return plan.outcome;
  });
}

async function carryOut(tx: Tx, actor: Actor, pbx: LoadedPbx, plan: Plan, now: Date) {
  if (Object.keys(plan.pbxUpdate).length) await tx.pbx.update({ where: { id: pbx.id }, data: plan.pbxUpdate });
  if (plan.licences) {
    const licences = plan.licences;
    await tx.pbxLicense.deleteMany({ where: { pbxId: pbx.id } });
    await tx.pbxLicense.createMany({
      data: LICENCE_LEVELS.filter((level) => licences[level] > 0).map((level) => ({
        pbxId: pbx.id,
        type: LEVEL_TYPE[level],
        quantity: licences[level],
      })),
    });
  }
  if (plan.serviceExpiry) {
    // Only a service still running and not cancelled moves: a cancellation that came in meanwhile wins.
    const moved = await tx.classoundService.updateMany({
      where: { id: pbx.service!.id, status: "ACTIVE", cancellationRequestedAt: null },
      data: { expiresAt: plan.serviceExpiry },
    });
    if (moved.count !== 1)
      throw new AppError("CONFLICT", "CLASSOUND on this PBX changed meanwhile. Reload the page and renew again.");
  }
  if (plan.charge)
    await tx.serviceCharge.create({
      data: {
        partnerId: pbx.customer.partnerId,
        serviceId: pbx.service!.id,
        kind: plan.charge.kind,
        description: plan.charge.description,
        amount: plan.charge.amount,
        currency: plan.charge.currency,
        periodStart: plan.charge.periodStart,
        periodEnd: plan.charge.periodEnd,
        // The charge arises when the change is made: the invoice of that month bills it.
        createdAt: now,
      },
    });
  await tx.pbxLicenseEvent.create({
    data: {
      pbxId: pbx.id,
      kind: plan.event.kind,
      effectiveAt: plan.event.effectiveAt,
      detail: plan.event.detail,
      actorId: actor.userId,
    },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: plan.audit.action,
    entityType: "Pbx",
    entityId: pbx.id,
    detail: plan.audit.detail,
  });
}
