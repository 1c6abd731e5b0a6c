import { addMonths } from "@/lib/pricing/proration";
import type { Actor } from "@/lib/auth/actor";
import { renderDocumentForm } from "@/lib/catalogue/document-form-pdf";
import type { Db } from "@/lib/db/client";
import { storeFile, storageDriver } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";

// Kept apart from demo-files.ts, which plays requests through the workflow (and so reaches Next.js's
// `after()` through the mailer): the e2e fixtures import this from plain Node.

/**
 * Gives a customer a compliance profile accepted at `acceptedAt`: every required document of its
 * country, filled in with its legal entity. Shared with the e2e fixtures, which start from one.
 */
export async function storeComplianceProfile(
  db: Db,
  customerId: string,
  uploader: Actor,
  acceptedAt: Date,
  driver: StorageDriver = storageDriver(),
): Promise<number> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: { country: true, pbxs: { where: { service: { isNot: null } }, take: 1 } },
  });
  const required = await db.requiredDocument.findMany({
    where: { countryCode: customer.countryCode, archivedAt: null },
  });
  for (const doc of required) {
    const bytes = await renderFilledDocument(
      { ...doc, requiredDocumentId: doc.id },
      customer.country.name,
      customer,
      customer.pbxs[0]?.serial ?? "",
      acceptedAt,
    );
    const file = await storeFile(
      db,
      { bytes, fileName: `${doc.name}.pdf`, partnerId: customer.partnerId, uploadedById: uploader.userId },
      driver,
    );
    await db.complianceDocument.create({
      data: {
        customerId: customer.id,
        requiredDocumentId: doc.id,
        fileId: file.id,
        acceptedAt,
        expiresAt: doc.validityMonths ? addMonths(acceptedAt, doc.validityMonths) : null,
      },
    });
  }
  return required.length;
}

interface FilledBy {
  legalName: string | null;
  vatNumber: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  contactName: string | null;
}

/** A required document as the customer filled it in: its form when it has one, else a scan-like page. */
export function renderFilledDocument(
  doc: { requiredDocumentId: string | null; name: string; description: string },
  countryName: string,
  by: FilledBy,
  pbxSerial: string,
  date: Date,
) {
  const form = (doc.requiredDocumentId && REQUIRED_DOCUMENT_FORMS.get(doc.requiredDocumentId)) || {
    title: doc.name,
    countryName,
    description: `Scanned copy: ${doc.description}`,
    fields: ["Customer (legal entity)", "Registered address", "Place and date"],
  };
  return renderDocumentForm(form, {
    "Customer (legal entity)": by.legalName ?? "",
    "VAT or tax number": by.vatNumber ?? "",
    "Registered address": `${by.addressLine}, ${by.postcode} ${by.city}`,
    "PBX serial number": pbxSerial,
    "Name of the legal representative": by.contactName ?? "",
    "Place and date": `${by.city}, ${date.toISOString().slice(0, 10)}`,
    "Signature and company stamp": `signed: ${by.contactName}`,
  });
}
