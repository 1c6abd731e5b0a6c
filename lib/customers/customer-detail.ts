import { documentExpiry } from "@/lib/activations/compliance-profile";
import { pickLegalEntity } from "@/lib/activations/schemas";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import { customerHolds } from "./archive";

/**
 * One customer the actor may see, for its page: its fields (the time zone in force: its own, or its
 * partner's), its PBXs with their licence term and CLASSOUND status, how many end users it has, what
 * still keeps it from being archived, and its compliance documents. Another partner's is NOT_FOUND.
 */
export async function customerDetail(db: Db, actor: Actor, customerId: unknown, now = new Date()) {
  assertCan(actor, "compliance.view");
  const id = parseOrThrow(ZId, customerId);
  const customer = await db.customer.findFirst({
    where: { AND: [scope.customers(actor), { id }] },
    include: {
      partner: { select: { name: true, timeZone: true } },
      country: { select: { name: true } },
      pbxs: {
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          serial: true,
          licensePlan: true,
          termExpiry: true,
          service: { select: { status: true, expiresAt: true } },
        },
      },
      complianceDocuments: {
        orderBy: { requiredDocument: { sortOrder: "asc" } },
        include: { requiredDocument: { select: { name: true } }, file: { select: { id: true, fileName: true } } },
      },
      _count: { select: { users: { where: { role: "END_USER" } } } },
    },
  });
  if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
  const documents = customer.complianceDocuments.map((doc) => ({
    id: doc.id,
    name: doc.requiredDocument.name,
    fileId: doc.file.id,
    fileName: doc.file.fileName,
    acceptedAt: doc.acceptedAt,
    expiresAt: doc.expiresAt,
    expiry: documentExpiry(doc.expiresAt, now),
  }));
  const legalEntity = customer.legalName ? pickLegalEntity(customer) : null;
  return {
    id: customer.id,
    name: customer.name,
    partnerName: customer.partner.name,
    countryCode: customer.countryCode,
    countryName: customer.country.name,
    /** As stored: null means the partner's zone. */
    timeZone: customer.timeZone,
    partnerTimeZone: customer.partner.timeZone,
    /** The zone its times are shown in. */
    effectiveTimeZone: customer.timeZone ?? customer.partner.timeZone,
    legalEntity,
    archivedAt: customer.archivedAt,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    pbxs: customer.pbxs.map((pbx) => ({
      id: pbx.id,
      name: pbx.name,
      serial: pbx.serial,
      licensePlan: pbx.licensePlan,
      termExpiry: pbx.termExpiry,
      serviceStatus: pbx.service?.status ?? null,
      serviceExpiresAt: pbx.service?.expiresAt ?? null,
    })),
    endUserCount: customer._count.users,
    holds: await customerHolds(db, customer),
    /** Its compliance documents on file, each with how soon it expires. */
    documents,
    documentsToRenew: documents.filter((d) => d.expiry !== "VALID").length,
  };
}
export type CustomerDetail = Awaited<ReturnType<typeof customerDetail>>;
