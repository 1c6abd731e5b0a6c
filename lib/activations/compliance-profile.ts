import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { pickLegalEntity } from "./schemas";

/** A document on file is flagged this many days before it expires, so it can be renewed in time. */
export const EXPIRY_NOTICE_DAYS = 30;
const NOTICE_MS = EXPIRY_NOTICE_DAYS * 24 * 60 * 60 * 1000;

export type DocumentExpiry = "VALID" | "EXPIRING" | "EXPIRED";

export function documentExpiry(expiresAt: Date | null, now = new Date()): DocumentExpiry {
  if (!expiresAt) return "VALID";
  if (expiresAt <= now) return "EXPIRED";
  return expiresAt.getTime() - now.getTime() <= NOTICE_MS ? "EXPIRING" : "VALID";
}

/**
 * Each customer the actor may see, with its compliance profile: the legal entity and the documents
 * accepted for it, which the next request for that customer reuses. Customers needing attention first.
 * `q` searches the name, the legal name and the VAT number.
 */
export async function complianceProfiles(db: Db, actor: Actor, now = new Date(), filters: { q?: string } = {}) {
  assertCan(actor, "compliance.view");
  const search: Prisma.CustomerWhereInput = filters.q
    ? {
        OR: [
          { name: containsText(filters.q) },
          { legalName: containsText(filters.q) },
          { vatNumber: containsText(filters.q) },
        ],
      }
    : {};
  const customers = await db.customer.findMany({
    where: { AND: [scope.customers(actor), search] },
    orderBy: { name: "asc" },
    include: {
      partner: { select: { name: true } },
      country: { select: { name: true } },
      _count: { select: { pbxs: true } },
      complianceDocuments: {
        orderBy: { requiredDocument: { sortOrder: "asc" } },
        include: { requiredDocument: { select: { name: true } }, file: { select: { id: true, fileName: true } } },
      },
    },
  });
  const profiles = customers.map((customer) => {
    const documents = customer.complianceDocuments.map((doc) => ({
      id: doc.id,
      name: doc.requiredDocument.name,
      fileId: doc.file.id,
      fileName: doc.file.fileName,
      acceptedAt: doc.acceptedAt,
      expiresAt: doc.expiresAt,
      expiry: documentExpiry(doc.expiresAt, now),
    }));
    return {
      id: customer.id,
      name: customer.name,
      partnerName: customer.partner.name,
      countryCode: customer.countryCode,
      countryName: customer.country.name,
      pbxCount: customer._count.pbxs,
      legalEntity: customer.legalName ? pickLegalEntity(customer) : null,
      documents,
      needsAttention: documents.filter((d) => d.expiry !== "VALID").length,
    };
  });
  return profiles.sort((a, b) => b.needsAttention - a.needsAttention);
}
export type ComplianceProfile = Awaited<ReturnType<typeof complianceProfiles>>[number];

/** How many documents on file have expired or expire within the notice period, for a dashboard. */
export async function expiringDocumentCount(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "compliance.view");
  return db.complianceDocument.count({
    where: { customer: scope.customers(actor), expiresAt: { lte: new Date(now.getTime() + NOTICE_MS) } },
  });
}
