/** The audit log's actions in words, for the page, its filter and the CSV. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "access.refused": "Access refused",
  "activation.approved": "Activation approved",
  "activation.changes_requested": "Activation: changes requested",
  "activation.created": "Activation request started",
  "activation.document_uploaded": "Activation document uploaded",
  "activation.rejected": "Activation rejected",
  "activation.resubmitted": "Activation resubmitted",
  "activation.review_started": "Activation review started",
  "activation.submitted": "Activation submitted",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in throttled",
  "catalogue.country_updated": "Country updated",
  "catalogue.document_archived": "Required document archived",
  "catalogue.document_created": "Required document added",
  "catalogue.document_updated": "Required document changed",
  "catalogue.template_attached": "Template attached",
  "customer.created": "Customer added",
  "customer.legal_entity_updated": "Customer's legal entity changed",
  "customer.usage_alerts_set": "Customer's usage alerts set",
  "file.read": "File opened",
  "user.created": "User created",
  "user.disabled": "User disabled",
  "user.enabled": "User enabled",
  "user.password_change_refused": "Password change refused",
  "user.password_changed": "Password changed",
  "user.password_link_issued": "Password link issued",
  "user.password_set": "Password set",
  "user.role_changed": "Role changed",
};

/** Actions recorded by code added later fall back to their code, never to nothing. */
export function auditActionLabel(action: string) {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

/** The JSON detail as "key: value" pairs a person can read; nested values stay compact JSON. */
export function describeAuditDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(
      ([key, value]) =>
        `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
    )
    .join(" · ");
}
