import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { AgreementStatus } from "@/lib/db/generated/enums";
import { AppError, parseOrThrow } from "@/lib/errors";
import { notifyPartner } from "@/lib/notifications/notify";
import { ZAgreementChange } from "./schemas";

// R9: a suspended agreement suspends the service. The partner's users (and its customers' end users)
// keep reading their data but change nothing (`assertCanChange`, from the status lib/auth/token.ts
// reads on every request); its CLASSOUND services are SUSPENDED. Money already charged stays charged:
// nothing here touches ServiceCharge.

const ALREADY: Record<AgreementStatus, string> = {
  ACTIVE: "This partner's agreement is active.",
  SUSPENDED: "This partner's agreement is already suspended.",
  TERMINATED: "This partner's agreement is terminated: it can be neither suspended nor reinstated.",
};

/**
 * Moves the agreement from `from` to `to` with a conditional update, so of two admins acting at once
 * one wins and the other is told where it stands; NOT_FOUND for a partner outside the scope.
 */
async function moveAgreement(
  tx: Pick<Db, "partner">,
  actor: Actor,
  partnerId: string,
  from: AgreementStatus,
  to: AgreementStatus,
) {
  const { count } = await tx.partner.updateMany({
    where: { AND: [scope.partners(actor), { id: partnerId, agreementStatus: from }] },
    data: { agreementStatus: to },
  });
  if (count === 1) return;
  const partner = await tx.partner.findFirst({
    where: { AND: [scope.partners(actor), { id: partnerId }] },
    select: { agreementStatus: true },
  });
  if (!partner) throw new AppError("NOT_FOUND", "This partner does not exist.");
  throw new AppError("CONFLICT", ALREADY[partner.agreementStatus]);
}

/** Suspends a partner's agreement with a reason, and its active CLASSOUND services with it (R9). Audited. */
export async function suspendAgreement(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "partners.manage");
  const { partnerId, reason } = parseOrThrow(ZAgreementChange, input);
  return db.$transaction(async (tx) => {
    await moveAgreement(tx, actor, partnerId, "ACTIVE", "SUSPENDED");
    const services = await tx.classoundService.updateMany({
      where: { status: "ACTIVE", pbx: { customer: { partnerId } } },
      data: { status: "SUSPENDED" },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "partner.agreement_suspended",
      entityType: "Partner",
      entityId: partnerId,
      detail: { reason, servicesSuspended: services.count },
    });
    await notifyPartner(tx, partnerId, {
      event: "agreement",
      title: "Your partner agreement with CLASSOUND is suspended",
      body: `${reason}\n\nYour data stays readable in the portal, but nothing can be ordered, activated, uploaded or changed, and CLASSOUND is suspended on your PBXs until the agreement is reinstated. Nothing already charged is refunded.`,
    });
    return { servicesSuspended: services.count };
  });
}

/**
 * Reinstates a suspended agreement with a reason. The services it suspended come back unless their
 * term has run out meanwhile (or they ended): those stay suspended until the PBX is renewed. Audited.
 */
export async function reinstateAgreement(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "partners.manage");
  const { partnerId, reason } = parseOrThrow(ZAgreementChange, input);
  return db.$transaction(async (tx) => {
    await moveAgreement(tx, actor, partnerId, "SUSPENDED", "ACTIVE");
    const services = await tx.classoundService.updateMany({
      where: { status: "SUSPENDED", endedAt: null, expiresAt: { gt: now }, pbx: { customer: { partnerId } } },
      data: { status: "ACTIVE" },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "partner.agreement_reinstated",
      entityType: "Partner",
      entityId: partnerId,
      detail: { reason, servicesReinstated: services.count },
    });
    await notifyPartner(tx, partnerId, {
      event: "agreement",
      title: "Your partner agreement with CLASSOUND is reinstated",
      body: `${reason}\n\nYou can order, activate and change again; CLASSOUND runs again on ${services.count} of your PBXs whose term has not ended.`,
      link: "/pbxs",
    });
    return { servicesReinstated: services.count };
  });
}
