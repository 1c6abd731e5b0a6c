import { firstErrorPerField } from "./field-errors";
import { legalEntityCountryIssues } from "./form-schema";
import {
  LEGAL_ENTITY_LABELS,
  ZLegalEntity,
  pickLegalEntity,
  type LegalEntityFields,
  type TLegalEntity,
} from "./schemas";

export interface PrecheckIssue {
  /** A form field name or `document:<id>`. */
  target: string;
  message: string;
}

export interface PrecheckInput {
  status: string;
  /** The country of service, which the VAT number and the postcode are checked against. */
  countryCode?: string;
  countryActivationEnabled: boolean;
  legalEntity: Record<string, string | null>;
  documents: {
    id: string;
    name: string;
    mandatory: boolean;
    fileId: string | null;
    replacedFileId: string | null;
    reviewStatus: string;
    expiresAt: Date | null;
  }[];
}

/** The pre-check's input from a request loaded with its country and documents. */
export function precheckInputOf(
  request: LegalEntityFields & {
    status: string;
    countryCode: string;
    country: { activationEnabled: boolean };
    documents: PrecheckInput["documents"];
  },
): PrecheckInput {
  return {
    status: request.status,
    countryCode: request.countryCode,
    countryActivationEnabled: request.country.activationEnabled,
    legalEntity: pickLegalEntity(request),
    documents: request.documents,
  };
}

/**
 * Every missing or invalid item at once, like a bundle evaluation: submit is allowed only when this
 * is empty. For a resubmission, each document the admin asked to change must have been replaced.
 */
export function precheckActivationRequest(request: PrecheckInput, now = new Date()): PrecheckIssue[] {
  const issues: PrecheckIssue[] = [];
  if (!request.countryActivationEnabled) {
    issues.push({ target: "countryCode", message: "CLASSOUND cannot be activated in this country at the moment." });
  }
  const fieldErrors = firstErrorPerField(
    ZLegalEntity,
    Object.fromEntries(Object.entries(request.legalEntity).map(([k, v]) => [k, v ?? ""])),
  );
  for (const issue of legalEntityCountryIssues({ ...request.legalEntity, countryCode: request.countryCode }))
    fieldErrors[issue.path] ??= issue.message;
  for (const [field, message] of Object.entries(fieldErrors)) {
    issues.push({ target: field, message: `${LEGAL_ENTITY_LABELS[field as keyof TLegalEntity]}: ${message}` });
  }
  for (const doc of request.documents) {
    const target = `document:${doc.id}`;
    if (doc.mandatory && !doc.fileId) issues.push({ target, message: `${doc.name}: upload this document.` });
    else if (doc.reviewStatus === "CHANGES_REQUESTED" && !doc.replacedFileId)
      issues.push({ target, message: `${doc.name}: replace this document as asked.` });
    else if (doc.fileId && doc.expiresAt && doc.expiresAt <= now)
      issues.push({ target, message: `${doc.name}: the copy on file has expired; upload a current one.` });
  }
  return issues;
}
