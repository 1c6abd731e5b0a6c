import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { flatFeeQuoteForPbx } from "@/lib/pricing/basket-quote";
import { describeFlatFeeQuote } from "@/lib/pricing/flat-fee-quote";
import { priceListInForce } from "@/lib/pricing/price-list-in-force";
import { addMonths } from "@/lib/pricing/proration";
import { tierIdInForce, tierPeriodInForce } from "@/lib/partners/tier-in-force";
import { ELIGIBILITY_INCLUDE, INELIGIBILITY_MESSAGE, pbxIneligibilityReasons } from "./eligibility";
import { pickLegalEntity } from "./schemas";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * R3: the service takes the PBX's term and expiry, and the first charge is the flat fee (R4) for
 * the PBX's users, prorated from today to the PBX's expiry within its stored term.
 */
export async function activateService(
  tx: Tx,
  request: { id: string; pbxId: string; customerId: string; partnerId: string },
  now: Date,
) {
  const pbx = await tx.pbx.findUniqueOrThrow({
    where: { id: request.pbxId },
    include: {
      ...ELIGIBILITY_INCLUDE,
      service: true,
      customer: {
        select: { partner: { select: { tierId: true, timeZone: true, tierPeriods: tierPeriodInForce(now) } } },
      },
    },
  });
  // R1 again, through the form's own function: the PBX may have changed since the partner submitted.
  const reasons = pbxIneligibilityReasons(pbx, 0, now);
  if (reasons.length || pbx.licensePlan === "LIFETIME" || !pbx.termExpiry) {
    throw new AppError(
      "CONFLICT",
      `CLASSOUND cannot be activated: ${reasons.map((r) => INELIGIBILITY_MESSAGE[r]).join(" ")}`,
    );
  }

  // The tier in force today (docs/decisions/0041), as the quote shown before approval read it.
  const priceList = await priceListInForce(tx, tierIdInForce(pbx.customer.partner), now, {
    flatFeeBands: { orderBy: { minUsers: "asc" } },
  });
  if (!priceList)
    throw new AppError(
      "CONFLICT",
      "The partner's tier has no price list in force. Publish its draft or import one on Price-list versions before approving.",
    );
  const quote = flatFeeQuoteForPbx(
    { ...pbx, licensePlan: pbx.licensePlan, termExpiry: pbx.termExpiry, timeZone: pbx.customer.partner.timeZone },
    priceList,
    now,
  );

  const service = await tx.classoundService.upsert({
    where: { pbxId: pbx.id },
    create: {
      pbxId: pbx.id,
      status: "ACTIVE",
      activatedAt: now,
      expiresAt: pbx.termExpiry,
      activationRequestId: request.id,
    },
    // A PBX whose earlier service ended starts afresh: its end, cancellation and quarantine are history.
    update: {
      status: "ACTIVE",
      activatedAt: now,
      expiresAt: pbx.termExpiry,
      activationRequestId: request.id,
      endedAt: null,
      cancellationRequestedAt: null,
      numbersQuarantinedAt: null,
    },
  });
  const charge = await tx.serviceCharge.create({
    data: {
      partnerId: request.partnerId,
      serviceId: service.id,
      description: describeFlatFeeQuote(quote),
      amount: quote.amount,
      currency: quote.currency,
      periodStart: now,
      periodEnd: pbx.termExpiry,
      // The charge arises at approval: the invoice of that month bills it.
      createdAt: now,
    },
  });
  await addToComplianceProfile(tx, request, now);
  return { service, charge, quote };
}

/** Accepts the request's documents and keeps them, and its legal entity, with the customer. */
async function addToComplianceProfile(tx: Tx, request: { id: string; customerId: string }, now: Date) {
  const full = await tx.activationRequest.findUniqueOrThrow({
    where: { id: request.id },
    include: { documents: { include: { requiredDocument: { select: { validityMonths: true } } } } },
  });
  for (const doc of full.documents) {
    if (!doc.fileId) continue;
    const months = doc.requiredDocument?.validityMonths;
    const expiresAt = doc.expiresAt ?? (months ? addMonths(now, months) : null);
    await tx.activationDocument.update({ where: { id: doc.id }, data: { reviewStatus: "ACCEPTED", expiresAt } });
    if (!doc.requiredDocumentId) continue;
    await tx.complianceDocument.upsert({
      where: {
        customerId_requiredDocumentId: { customerId: request.customerId, requiredDocumentId: doc.requiredDocumentId },
      },
      create: {
        customerId: request.customerId,
        requiredDocumentId: doc.requiredDocumentId,
        fileId: doc.fileId,
        acceptedAt: now,
        expiresAt,
      },
      update: { fileId: doc.fileId, acceptedAt: now, expiresAt },
    });
  }
  await tx.customer.update({ where: { id: request.customerId }, data: pickLegalEntity(full) });
}
