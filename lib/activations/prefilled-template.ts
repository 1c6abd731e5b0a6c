import type { Actor } from "@/lib/auth/actor";
import { fillDocumentForm, PREFILLED_FIELDS } from "@/lib/catalogue/document-form-pdf";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readStoredFile, storageDriver } from "@/lib/storage";
import { loadActivationRequest } from "./load";

/**
 * The template of one document of a request, with what the portal knows filled into its form fields:
 * the legal entity as entered on the request (else the customer's profile), the PBX serial, the partner.
 * Scoped like the request: another partner's id is NOT_FOUND.
 */
export async function prefilledTemplate(
  db: Db,
  actor: Actor,
  requestId: string,
  documentId: string,
  driver = storageDriver(),
) {
  const request = await loadActivationRequest(db, actor, requestId, {
    pbx: { select: { serial: true } },
    partner: { select: { name: true } },
    customer: {
      select: { name: true, legalName: true, vatNumber: true, addressLine: true, postcode: true, city: true },
    },
    country: { select: { name: true } },
    documents: { where: { id: documentId }, select: { requiredDocument: { select: { templateFile: true } } } },
  });
  const template = request.documents[0]?.requiredDocument?.templateFile;
  if (!template) throw new AppError("NOT_FOUND", "This document has no template.");
  const bytes = await readStoredFile(template, driver);
  if (template.contentType !== "application/pdf") return { file: template, bytes };

  const { customer } = request;
  const street = request.addressLine ?? customer.addressLine;
  const town = [request.postcode ?? customer.postcode, request.city ?? customer.city].filter(Boolean).join(" ");
  const filled = await fillDocumentForm(bytes, {
    [PREFILLED_FIELDS.legalName]: request.legalName ?? customer.legalName ?? customer.name,
    [PREFILLED_FIELDS.vatNumber]: request.vatNumber ?? customer.vatNumber ?? undefined,
    [PREFILLED_FIELDS.address]: street ? [street, town, request.country.name].filter(Boolean).join(", ") : undefined,
    [PREFILLED_FIELDS.pbxSerial]: request.pbx.serial,
    [PREFILLED_FIELDS.partner]: request.partner.name,
  });
  return { file: template, bytes: filled };
}
