import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { TERM_MONTHS, addMonths, proratedCharge } from "./proration";
import { pickLegalEntity } from "./schemas";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * R3: the service takes the PBX's term and expiry, and the first charge is the flat fee (R4) for
 * the PBX's users, prorated from today to the PBX's expiry within its current term.
 */
export async function activateService(tx: Tx, request: { id: string; pbxId: string; customerId: string; partnerId: string }, now: Date) {
  const pbx = await tx.pbx.findUniqueOrThrow({
    where: { id: request.pbxId },
    include: { licenses: true, service: true, customer: { select: { partner: { select: { tierId: true } } } } },
  });
  if (pbx.licensePlan === "LIFETIME" || !pbx.termExpiry || pbx.termExpiry <= now) {
    throw new AppError("CONFLICT", "The PBX no longer has a running subscription, so CLASSOUND cannot be activated.");
  }
  if (pbx.service?.status === "ACTIVE") throw new AppError("CONFLICT", "CLASSOUND is already active on this PBX.");

  const users = pbx.licenses.reduce((sum, l) => sum + l.quantity, 0);
  const priceList = await tx.priceList.findFirst({
    where: { tierId: pbx.customer.partner.tierId, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    orderBy: { validFrom: "desc" },
    include: { flatFeeBands: true },
  });
  const band = priceList?.flatFeeBands.find((b) => users >= b.minUsers && (b.maxUsers === null || users <= b.maxUsers));
  if (!priceList || !band) {
    throw new AppError("CONFLICT", `The partner's price list has no flat fee for ${users} users. Add one before approving.`);
  }

  const months = TERM_MONTHS[pbx.licensePlan];
  const termStart = addMonths(pbx.termExpiry, -months);
  const termPrice = new Prisma.Decimal(band.pricePerUser).mul(users).mul(months);
  const amount = proratedCharge(termPrice, termStart, pbx.termExpiry, now);

  const service = await tx.classoundService.upsert({
    where: { pbxId: pbx.id },
    create: { pbxId: pbx.id, status: "ACTIVE", activatedAt: now, expiresAt: pbx.termExpiry, activationRequestId: request.id },
    update: { status: "ACTIVE", activatedAt: now, expiresAt: pbx.termExpiry, activationRequestId: request.id },
  });
  const charge = await tx.serviceCharge.create({
    data: {
      partnerId: request.partnerId,
      serviceId: service.id,
      description: `${band.sku}: ${users} users × ${band.pricePerUser.toFixed(2)} ${priceList.currency} × ${months} month(s), prorated to ${pbx.termExpiry.toISOString().slice(0, 10)}`,
      amount,
      currency: priceList.currency,
      periodStart: now,
      periodEnd: pbx.termExpiry,
    },
  });
  await addToComplianceProfile(tx, request, now);
  return { service, charge };
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
      where: { customerId_requiredDocumentId: { customerId: request.customerId, requiredDocumentId: doc.requiredDocumentId } },
      create: { customerId: request.customerId, requiredDocumentId: doc.requiredDocumentId, fileId: doc.fileId, acceptedAt: now, expiresAt },
      update: { fileId: doc.fileId, acceptedAt: now, expiresAt },
    });
  }
  await tx.customer.update({ where: { id: request.customerId }, data: pickLegalEntity(full) });
}
