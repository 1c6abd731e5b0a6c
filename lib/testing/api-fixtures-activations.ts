import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { makeCountry, makePbx, SAMPLE_LEGAL_ENTITY } from "./fixtures";

// Factories for the activation requests of the partner API (issue 34): its tests and its
// authorization-matrix cases. Each call makes fresh rows, so cases sharing one tenant never collide.

interface Owner {
  partner: { id: string };
  customer: { id: string };
  partnerActor: { userId: string };
}

/** Germany's documents for an activation (two mandatory, one optional), made once per database. */
export async function germanRequiredDocuments(db: Db) {
  await makeCountry(db);
  const existing = await db.requiredDocument.findMany({ where: { countryCode: "DE", archivedAt: null } });
  if (existing.length) return existing;
  await db.requiredDocument.createMany({
    data: [
      { countryCode: "DE", name: "Company registration extract", description: "Handelsregisterauszug", sortOrder: 1 },
      { countryCode: "DE", name: "Proof of address", description: "Less than 3 months old", sortOrder: 2 },
      { countryCode: "DE", name: "Reference letter", description: "Optional", mandatory: false, sortOrder: 3 },
    ],
  });
  return db.requiredDocument.findMany({ where: { countryCode: "DE", archivedAt: null } });
}

/**
 * A DRAFT activation request for a new PBX of the owner's, for Germany, its form filled as the
 * sample legal entity; with `uploaded`, every mandatory slot holds a (stand-in) stored file, so it
 * can be submitted.
 */
export async function makeActivationDraft(db: Db, owner: Owner, { uploaded = false } = {}) {
  const [documents, pbx] = await Promise.all([germanRequiredDocuments(db), makePbx(db, owner.customer.id)]);
  const { countryCode, ...legalEntity } = SAMPLE_LEGAL_ENTITY;
  const slots = [];
  for (const doc of documents) {
    const file =
      uploaded && doc.mandatory
        ? await db.storedFile.create({
            data: {
              driver: "local",
              storageKey: randomBytes(16).toString("hex"),
              fileName: `${doc.name}.pdf`,
              contentType: "application/pdf",
              sizeBytes: 1024,
              sha256: randomBytes(32).toString("hex"),
              partnerId: owner.partner.id,
              uploadedById: owner.partnerActor.userId,
            },
          })
        : null;
    const { id: requiredDocumentId, name, description, mandatory } = doc;
    slots.push({ requiredDocumentId, name, description, mandatory, fileId: file?.id, uploadedAt: file && new Date() });
  }
  const request = await db.activationRequest.create({
    data: {
      partnerId: owner.partner.id,
      customerId: owner.customer.id,
      pbxId: pbx.id,
      countryCode,
      createdById: owner.partnerActor.userId,
      ...legalEntity,
      documents: { create: slots },
      events: { create: { actorId: owner.partnerActor.userId, type: "created", message: "Draft started." } },
    },
    include: { documents: { orderBy: { name: "asc" } } },
  });
  return { request, pbx };
}
