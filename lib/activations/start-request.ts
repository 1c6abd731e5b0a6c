import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockOpenCustomer } from "@/lib/customers/archive";
import { ELIGIBILITY_INCLUDE, INELIGIBILITY_MESSAGE, pbxIneligibilityReasons } from "./eligibility";
import { recordActivationEvent } from "./events";
import { documentSlotsFor } from "./document-slots";
import { pickLegalEntity } from "./schemas";
import { OPEN_STATUSES } from "./transitions";

/** The PBX's eligibility as the partner sees it before any form (R1). */
export async function activationEligibility(db: Db, actor: Actor, pbxId: string, now = new Date()) {
  assertCanChange(actor, "activation.request");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    include: {
      customer: { select: { id: true, name: true, countryCode: true } },
      ...ELIGIBILITY_INCLUDE,
      activationRequests: { where: { status: { in: [...OPEN_STATUSES] } }, select: { id: true }, take: 1 },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const reasons = pbxIneligibilityReasons(pbx, pbx.activationRequests.length, now);
  return {
    pbx,
    reasons,
    messages: reasons.map((r) => INELIGIBILITY_MESSAGE[r]),
    openRequestId: pbx.activationRequests[0]?.id ?? null,
  };
}

/**
 * Opens a DRAFT request for an eligible PBX, prefilled from the customer's compliance profile.
 * The PBX row is locked for the transaction, so two clicks or two tabs cannot open two requests.
 */
export async function startActivationRequest(db: Db, actor: Actor, pbxId: string, now = new Date()) {
  const { pbx, reasons } = await activationEligibility(db, actor, pbxId, now);
  if (reasons.length) throw new AppError("CONFLICT", INELIGIBILITY_MESSAGE[reasons[0]]);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Pbx" WHERE id = ${pbx.id} FOR UPDATE`;
    const open = await tx.activationRequest.findFirst({
      where: { pbxId: pbx.id, status: { in: [...OPEN_STATUSES] } },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", INELIGIBILITY_MESSAGE.REQUEST_OPEN);
    await lockOpenCustomer(tx, actor, pbx.customer.id);
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: pbx.customer.id } });
    const request = await tx.activationRequest.create({
      data: {
        partnerId: customer.partnerId,
        customerId: customer.id,
        pbxId: pbx.id,
        countryCode: customer.countryCode,
        createdById: actor.userId,
        ...pickLegalEntity(customer),
        legalName: customer.legalName ?? customer.name,
        documents: { create: await documentSlotsFor(tx, customer.id, customer.countryCode, now) },
      },
    });
    await recordActivationEvent(
      tx,
      request.id,
      actor.userId,
      "created",
      `Draft started for PBX ${pbx.name} (${pbx.serial}).`,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "activation.created",
      entityType: "ActivationRequest",
      entityId: request.id,
    });
    return request;
  });
}
