import { formatCount, formatDate } from "@/lib/format";
import { TICKET_STATUS_LABEL } from "@/lib/tickets/categories";

/** An entity an entry names by id: its type as recorded (`entityType`) and its id. */
export type AuditRef = readonly [type: string, id: string];

/** What a sentence is written from: who, the entry's target and detail, and the names the page resolved. */
export interface AuditSentenceInput {
  /** The actor's name, or null for the portal's own jobs and anonymous sign-in attempts. */
  actor: string | null;
  entityType: string | null;
  entityId: string | null;
  detail: Record<string, unknown>;
  /** The name of a referenced entity, or a fallback ("a PBX") when it is gone. */
  name: (type: string, id: unknown, fallback: string) => string;
}

interface AuditActionWords {
  /** The action in a few words, for the filter and the CSV. */
  label: string;
  /** The entry as a sentence a person reads: "Anna Berger ordered 60 numbers for Munich HQ". */
  sentence: (input: AuditSentenceInput) => string;
  /** Entities the detail names by id, resolved with the page's one name query. */
  refs?: (detail: Record<string, unknown>) => AuditRef[];
}

/** An API key's request names the key and who made it: "Anna Berger's API key “CRM”". */
function who(i: AuditSentenceInput) {
  const key = i.detail.viaApiKey as { name?: unknown } | undefined;
  const name = typeof key?.name === "string" ? key.name : null;
  if (name) return i.actor ? `${i.actor}'s API key “${name}”` : `The API key “${name}”`;
  return i.actor ?? "Someone";
}
const target = (i: AuditSentenceInput, fallback: string) => i.name(i.entityType ?? "", i.entityId, fallback);
const text = (value: unknown) => (typeof value === "string" ? value : "");
const count = (value: unknown) => (typeof value === "number" ? value : Array.isArray(value) ? value.length : 0);
const quoted = (value: string) => `“${value}”`;
const ref = (type: string, id: unknown): AuditRef[] => (typeof id === "string" && id ? [[type, id]] : []);

const SIGN_IN_FAILURE: Record<string, string> = {
  unknown_account: "no such account",
  disabled: "the account is disabled",
  wrong_password: "wrong password",
};

/** The partner's webhook endpoints (issue 34): each entry names the endpoint by its URL. */
function webhookActions() {
  const step = (label: string, verb: string): AuditActionWords => ({
    label,
    sentence: (i) => `${who(i)} ${verb} ${text(i.detail.url) || "a webhook endpoint"}`,
  });
  return {
    "webhook.created": step("Webhook endpoint added", "added the webhook endpoint"),
    "webhook.edited": step("Webhook endpoint's events changed", "changed the events of the webhook endpoint"),
    "webhook.enabled": step("Webhook endpoint turned on", "turned on the webhook endpoint"),
    "webhook.disabled": step("Webhook endpoint turned off", "turned off the webhook endpoint"),
    "webhook.secret_rotated": step("Webhook secret rotated", "rotated the signing secret of the webhook endpoint"),
    "webhook.deleted": step("Webhook endpoint deleted", "deleted the webhook endpoint"),
    "webhook.replayed": step("Webhook delivery replayed", "replayed a delivery to the webhook endpoint"),
    "webhook.test_sent": step("Webhook test event sent", "sent a test event to the webhook endpoint"),
    "webhook.turned_off": {
      label: "Webhook endpoint turned off after failures",
      sentence: (i) =>
        `The portal turned off the webhook endpoint ${text(i.detail.url) || ""} after a day of failed deliveries`,
    },
  } as const satisfies Record<string, AuditActionWords>;
}

const portingStep = (verb: string): AuditActionWords => ({
  label: `Port-in ${verb}`,
  sentence: (i) => `${who(i)} ${verb} the port-in to ${target(i, "a PBX")}`,
});

/**
 * Every action the portal records, in words: the label the filter and the CSV show, and the
 * sentence the log shows. The keys are the only actions `recordAudit` accepts (AuditAction), so an
 * action cannot be written without its words.
 */
export const AUDIT_ACTIONS = {
  "access.refused": {
    label: "Access refused",
    sentence: (i) => `${who(i)} was refused ${text(i.detail.path) || "a page"}`,
  },
  "activation.approved": {
    label: "Activation approved",
    sentence: (i) => `${who(i)} approved the activation of ${target(i, "a PBX")}`,
  },
  "activation.changes_requested": {
    label: "Activation: changes requested",
    sentence: (i) =>
      `${who(i)} asked for changes to ${formatCount(count(i.detail.documents), "document")} of the activation of ${target(i, "a PBX")}`,
  },
  "activation.created": {
    label: "Activation request started",
    sentence: (i) => `${who(i)} started an activation request for ${target(i, "a PBX")}`,
  },
  "activation.discarded": {
    label: "Activation draft discarded",
    sentence: (i) => `${who(i)} discarded the activation draft of ${target(i, text(i.detail.pbxName) || "a PBX")}`,
  },
  "activation.document_uploaded": {
    label: "Activation document uploaded",
    sentence: (i) => `${who(i)} uploaded ${target(i, "a document")} for an activation`,
  },
  "activation.rejected": {
    label: "Activation rejected",
    sentence: (i) =>
      `${who(i)} rejected the activation of ${target(i, "a PBX")}${text(i.detail.reason) ? `: ${quoted(text(i.detail.reason))}` : ""}`,
  },
  "activation.resubmitted": {
    label: "Activation resubmitted",
    sentence: (i) => `${who(i)} resubmitted the activation of ${target(i, "a PBX")}`,
  },
  "activation.review_started": {
    label: "Activation review started",
    sentence: (i) => `${who(i)} started reviewing the activation of ${target(i, "a PBX")}`,
  },
  "activation.submitted": {
    label: "Activation submitted",
    sentence: (i) => `${who(i)} submitted the activation of ${target(i, "a PBX")} for review`,
  },
  "api_key.created": {
    label: "API key created",
    sentence: (i) => `${who(i)} created the API key ${quoted(text(i.detail.name))}`,
  },
  "api_key.revoked": {
    label: "API key revoked",
    sentence: (i) => `${who(i)} revoked the API key ${quoted(text(i.detail.name))}`,
  },
  "auth.recovery_code_used": {
    label: "Recovery code used",
    sentence: (i) => `${who(i)} signed in with a recovery code`,
  },
  "auth.second_factor_failed": {
    label: "Wrong second-factor code",
    sentence: (i) => `${who(i)} entered a wrong second-factor code`,
  },
  "auth.second_factor_throttled": {
    label: "Second-factor codes paused",
    sentence: (i) => `${who(i)} entered too many wrong second-factor codes: the next ones wait`,
  },
  "auth.sign_in": { label: "Signed in", sentence: (i) => `${who(i)} signed in` },
  "auth.sign_in_failed": {
    label: "Sign-in failed",
    sentence: (i) =>
      `A sign-in as ${text(i.detail.email) || "an unknown address"} failed (${SIGN_IN_FAILURE[text(i.detail.reason)] ?? "refused"})`,
  },
  "auth.sign_in_throttled": {
    label: "Sign-in throttled",
    sentence: (i) => `Sign-ins as ${text(i.detail.email) || "an address"} were paused after too many attempts`,
  },
  "catalogue.country_updated": {
    label: "Country updated",
    sentence: (i) => {
      const change = i.detail.activationEnabled as { to?: boolean } | undefined;
      const what = change?.to === undefined ? "changed" : change.to ? "opened activations in" : "closed activations in";
      return `${who(i)} ${what} ${target(i, "a country")}`;
    },
  },
  "catalogue.document_archived": {
    label: "Required document archived",
    sentence: (i) => `${who(i)} archived the required document ${target(i, quoted(text(i.detail.name)))}`,
  },
  "catalogue.document_created": {
    label: "Required document added",
    sentence: (i) => `${who(i)} added the required document ${target(i, quoted(text(i.detail.name)))}`,
  },
  "catalogue.document_updated": {
    label: "Required document changed",
    sentence: (i) => `${who(i)} changed the required document ${target(i, "")}`,
  },
  "catalogue.template_attached": {
    label: "Template attached",
    sentence: (i) => `${who(i)} attached a template to the required document ${target(i, "")}`,
  },
  "compliance.expiry_notified": {
    label: "Expiring document notice sent",
    sentence: (i) =>
      `The portal told the partner that ${target(i, "a compliance document")} expires on ${formatDate(text(i.detail.expiresAt))}`,
  },
  "customer.created": {
    label: "Customer added",
    sentence: (i) => `${who(i)} added the customer ${target(i, text(i.detail.name) || "")}`,
  },
  "customer.legal_entity_updated": {
    label: "Customer's legal entity changed",
    sentence: (i) => `${who(i)} changed the legal entity of ${target(i, "a customer")}`,
  },
  "customer.updated": {
    label: "Customer edited",
    sentence: (i) => `${who(i)} edited the customer ${target(i, "")}`,
  },
  "customer.archived": {
    label: "Customer archived",
    sentence: (i) => `${who(i)} archived the customer ${target(i, text(i.detail.name) || "")}`,
  },
  "customer.restored": {
    label: "Customer restored",
    sentence: (i) => `${who(i)} restored the archived customer ${target(i, text(i.detail.name) || "")}`,
  },
  "customer.usage_alerts_set": {
    label: "Customer's usage alerts set",
    sentence: (i) => {
      const percents = i.detail.percents;
      const to = Array.isArray(percents) ? `${percents.join(" %, ")} %` : "the default";
      return `${who(i)} set the usage alerts of ${target(i, "a customer")} to ${to}`;
    },
  },
  "emergency.site_created": {
    label: "Emergency site created",
    sentence: (i) =>
      `${who(i)} created the emergency site ${target(i, quoted(text(i.detail.name)))} for ${i.name("Customer", i.detail.customerId, "a customer")}`,
    refs: (d) => ref("Customer", d.customerId),
  },
  "emergency.site_updated": {
    label: "Emergency site changed",
    sentence: (i) =>
      `${who(i)} changed the emergency site ${target(i, quoted(text(i.detail.name)))}${count(i.detail.reregistered) ? `: ${formatCount(count(i.detail.reregistered), "number")} to register again` : ""}`,
  },
  "emergency.location_assigned": {
    label: "Emergency location assigned",
    sentence: (i) =>
      `${who(i)} assigned ${formatCount(count(i.detail.numbers), "number")} to the emergency site ${target(i, "")}`,
  },
  "file.read": { label: "File opened", sentence: (i) => `${who(i)} opened the file ${target(i, "")}` },
  "invoice.run_requested": {
    label: "Invoice run requested",
    sentence: (i) =>
      i.entityId
        ? `${who(i)} asked for the ${text(i.detail.month)} invoice of ${target(i, "a partner")}`
        : `${who(i)} asked for the ${text(i.detail.month)} invoices of ${formatCount(count(i.detail.partners), "partner")}`,
  },
  "invoice.issued": {
    label: "Invoice issued",
    sentence: (i) =>
      `${who(i)} issued invoice ${text(i.detail.number)} to ${i.name("Partner", i.detail.partnerId, "a partner")}`,
    refs: (detail) => ref("Partner", detail.partnerId),
  },
  "invoice.credit_note_issued": {
    label: "Credit note issued",
    sentence: (i) =>
      `${who(i)} issued credit note ${text(i.detail.number)} against invoice ${text(i.detail.invoiceNumber)}${text(i.detail.reason) ? `: ${quoted(text(i.detail.reason))}` : ""}`,
  },
  "invoice.payment_recorded": {
    label: "Invoice payment recorded",
    sentence: (i) =>
      `${who(i)} recorded a payment of ${text(i.detail.amount)} ${text(i.detail.currency)} on invoice ${text(i.detail.number)}`,
  },
  "invoice.payments_imported": {
    label: "Invoice payments imported",
    sentence: (i) =>
      `${who(i)} imported ${formatCount(count(i.detail.applied), "payment")} from the bank's file${count(i.detail.refused) ? ` (${formatCount(count(i.detail.refused), "row")} refused)` : ""}`,
  },
  "invoice.marked_overdue": {
    label: "Invoice overdue",
    sentence: (i) => {
      const numbers = Array.isArray(i.detail.numbers) ? i.detail.numbers.map(text) : [];
      return `${i.actor ? `${i.actor} marked` : "The daily check marked"} ${numbers.length === 1 ? `invoice ${numbers[0]}` : formatCount(numbers.length, "invoice")} overdue`;
    },
  },
  "job.cancelled": {
    label: "Job cancelled",
    sentence: (i) => `${who(i)} cancelled a ${text(i.detail.queue) || "background"} job`,
  },
  "job.retried": {
    label: "Job retried",
    sentence: (i) => `${who(i)} retried a ${text(i.detail.queue) || "background"} job`,
  },
  "mail.resent": { label: "E-mail resent", sentence: (i) => `${who(i)} resent the e-mail ${target(i, "")}` },
  "numbers.default_caller_set": {
    label: "Default caller number set",
    sentence: (i) =>
      `${who(i)} made ${text(i.detail.e164) || "a number"} the default caller number of ${target(i, "a PBX")}`,
  },
  "numbers.import_committed": {
    label: "Number ranges added",
    sentence: (i) =>
      `${who(i)} added ${formatCount(count(i.detail.numbers), "number")} in ${formatCount(count(i.detail.ranges), "range")} to the inventory`,
  },
  "numbers.import_previewed": {
    label: "Number-range file checked",
    sentence: (i) =>
      `${who(i)} checked the number-range file ${target(i, text(i.detail.fileName))}: ${formatCount(count(i.detail.rows), "row")}, ${count(i.detail.refused)} refused`,
  },
  "numbers.ordered": {
    label: "Numbers ordered",
    sentence: (i) => {
      const numbers = count(i.detail.blockSize) * count(i.detail.blockCount);
      return `${who(i)} ordered ${formatCount(numbers, "number")} for ${i.name("Pbx", i.detail.pbxId, target(i, "a PBX"))}`;
    },
    refs: (d) => ref("Pbx", d.pbxId),
  },
  "numbers.released": {
    label: "Number released",
    sentence: (i) =>
      `${who(i)} released ${text(i.detail.e164) || target(i, "a number")} from ${i.name("Pbx", i.detail.pbxId, "its PBX")}`,
    refs: (d) => ref("Pbx", d.pbxId),
  },
  "pbx.service_cancellation_requested": {
    label: "Service cancelled at term end",
    sentence: (i) =>
      `${who(i)} cancelled CLASSOUND on ${target(i, "a PBX")} from the end of its term, ${formatDate(text(i.detail.endsAt))}`,
  },
  "pbx.service_cancellation_withdrawn": {
    label: "Service cancellation withdrawn",
    sentence: (i) => `${who(i)} withdrew the cancellation of CLASSOUND on ${target(i, "a PBX")}`,
  },
  "pbx.service_ended": {
    label: "Service ended at term end",
    sentence: (i) =>
      `CLASSOUND on ${target(i, "a PBX")} ${i.detail.status === "CANCELLED" ? "ended as cancelled" : "expired"} on ${formatDate(text(i.detail.endedAt))}`,
  },
  "pbx.service_numbers_quarantined": {
    label: "Ended service's numbers quarantined",
    sentence: (i) =>
      `The portal put ${formatCount(count(i.detail.numbers), "number")} of ${target(i, "a PBX")} in quarantine, its service having ended`,
  },
  "partner.agreement_reinstated": {
    label: "Partner agreement reinstated",
    sentence: (i) =>
      `${who(i)} reinstated the agreement of ${target(i, "a partner")}${text(i.detail.reason) ? `: ${quoted(text(i.detail.reason))}` : ""}`,
  },
  "partner.agreement_suspended": {
    label: "Partner agreement suspended",
    sentence: (i) =>
      `${who(i)} suspended the agreement of ${target(i, "a partner")}${text(i.detail.reason) ? `: ${quoted(text(i.detail.reason))}` : ""}`,
  },
  "partner.onboarded": {
    label: "Partner onboarded",
    sentence: (i) => `${who(i)} onboarded the partner ${target(i, text(i.detail.name))}`,
  },
  "partner.tier_changed": {
    label: "Partner tier changed",
    sentence: (i) =>
      `${who(i)} moved ${target(i, "a partner")} to the ${text(i.detail.tierName) || "another"} tier from ${formatDate(text(i.detail.from))}`,
  },
  "partner.tier_took_effect": {
    label: "Partner tier took effect",
    sentence: (i) => `The ${text(i.detail.tierName) || "new"} tier of ${target(i, "a partner")} took effect`,
  },
  "pbx.registered": {
    label: "PBX registered",
    sentence: (i) =>
      `${who(i)} registered the PBX ${target(i, text(i.detail.serial))} for ${i.name("Customer", i.detail.customerId, "a customer")}`,
    refs: (d) => ref("Customer", d.customerId),
  },
  "pbx.imported": {
    label: "PBXs imported",
    sentence: (i) => `${who(i)} registered ${formatCount(count(i.detail.serials), "PBX", "PBXs")} from a CSV file`,
  },
  "pbx.renewed": {
    label: "PBX licence renewed",
    sentence: (i) =>
      `${who(i)} renewed the licence of ${target(i, "a PBX")} to ${formatDate(text(i.detail.termExpiry))}`,
  },
  "pbx.users_changed": {
    label: "PBX users changed",
    sentence: (i) =>
      `${who(i)} changed the users of ${target(i, "a PBX")} to ${formatCount(count(i.detail.users), "user")}`,
  },
  "pbx.plan_changed": {
    label: "PBX plan changed",
    sentence: (i) => `${who(i)} changed the licence plan of ${target(i, "a PBX")}`,
  },
  "pbx.software_updated": {
    label: "PBX software updated",
    sentence: (i) =>
      `${who(i)} recorded version ${text(i.detail.softwareVersion) || "?"} of the software of ${target(i, "a PBX")}`,
  },
  "porting.submitted": {
    label: "Port-in requested",
    sentence: (i) =>
      `${who(i)} asked to port ${formatCount(count(i.detail.numbers), "number")} to ${target(i, "a PBX")}`,
  },
  "porting.start": portingStep("took in hand"),
  "porting.schedule": portingStep("scheduled"),
  "porting.complete": portingStep("completed"),
  "porting.reject": portingStep("rejected"),
  "porting.cancel": portingStep("cancelled"),
  "pricelist.partners_notified": {
    label: "Partners told of a price list",
    sentence: (i) =>
      `The portal told ${formatCount(count(i.detail.partners), "partner")} about ${target(i, "a new price list")}`,
  },
  "pricelist.published": {
    label: "Price list published",
    sentence: (i) =>
      i.detail.draft
        ? `${who(i)} published the draft ${target(i, "price list")}, in force from ${formatDate(text(i.detail.validFrom))}`
        : `${who(i)} published ${target(i, "a price list")} with ${formatCount(count(i.detail.changes), "changed price")}, in force from ${formatDate(text(i.detail.validFrom))}${text(i.detail.replacedDraft) ? `, replacing the draft ${quoted(text(i.detail.replacedDraft))}` : ""}`,
  },
  "rating.rerate_requested": {
    label: "Calls re-rated",
    sentence: (i) =>
      `${who(i)} asked to re-rate the calls of ${target(i, "a partner")}${text(i.detail.month) ? ` for ${text(i.detail.month)}` : ""}`,
  },
  "resale.pricing_set": {
    label: "Resale prices set",
    sentence: (i) => {
      const basis = text(i.detail.basis);
      const how =
        basis === "END_USER_LIST"
          ? "the End User list"
          : `${text(i.detail.markupPercent)} % over ${basis === "PURCHASE_MARKUP" ? "the purchase price" : "the End User list"}`;
      return `${who(i)} set the resale prices ${text(i.detail.customer) ? `of ${target(i, text(i.detail.customer))}` : "for all customers"} to ${how}`;
    },
  },
  "resale.pricing_cleared": {
    label: "Resale prices reset",
    sentence: (i) =>
      `${who(i)} reset the resale prices ${text(i.detail.customer) ? `of ${target(i, text(i.detail.customer))}` : "for all customers"} to the default`,
  },
  "ticket.assigned": {
    label: "Ticket assigned",
    sentence: (i) =>
      i.detail.to
        ? `${who(i)} assigned the ticket ${target(i, "")} to ${i.name("User", i.detail.to, "a colleague")}`
        : `${who(i)} unassigned the ticket ${target(i, "")}`,
    refs: (d) => ref("User", d.to),
  },
  "ticket.opened": { label: "Ticket opened", sentence: (i) => `${who(i)} opened the ticket ${target(i, "")}` },
  "ticket.replied": { label: "Ticket replied to", sentence: (i) => `${who(i)} replied to the ticket ${target(i, "")}` },
  "ticket.resolved": { label: "Ticket resolved", sentence: (i) => `${who(i)} resolved the ticket ${target(i, "")}` },
  "ticket.status_changed": {
    label: "Ticket status changed",
    sentence: (i) => {
      const to = TICKET_STATUS_LABEL[text(i.detail.to) as keyof typeof TICKET_STATUS_LABEL];
      return `${who(i)} set the ticket ${target(i, "")} to ${to ? quoted(to) : "another status"}`;
    },
  },
  "user.created": {
    label: "User created",
    sentence: (i) => `${who(i)} created the user ${target(i, text(i.detail.name) || text(i.detail.email))}`,
  },
  "user.disabled": { label: "User disabled", sentence: (i) => `${who(i)} disabled ${target(i, "a user")}` },
  "user.enabled": { label: "User enabled", sentence: (i) => `${who(i)} enabled ${target(i, "a user")}` },
  "user.password_change_refused": {
    label: "Password change refused",
    sentence: (i) => `${who(i)} tried to change their password with a wrong current password`,
  },
  "user.password_changed": { label: "Password changed", sentence: (i) => `${who(i)} changed their password` },
  "user.password_link_issued": {
    label: "Password link issued",
    sentence: (i) => `${who(i)} sent ${target(i, "a user")} a link to set a password`,
  },
  "user.password_reset_requested": {
    label: "Password reset requested",
    sentence: (i) => `${target(i, "Someone")} asked for a link to reset their password`,
  },
  "user.password_reset_throttled": {
    label: "Password resets paused",
    sentence: (i) => `Password links for ${text(i.detail.email) || "an address"} were paused after too many requests`,
  },
  "user.password_set": {
    label: "Password set",
    sentence: (i) => `${target(i, "A user")} set a password with a one-time link`,
  },
  "user.recovery_codes_renewed": {
    label: "Recovery codes renewed",
    sentence: (i) => `${who(i)} renewed their recovery codes`,
  },
  "user.role_changed": {
    label: "Role changed",
    sentence: (i) => `${who(i)} changed the role of ${target(i, "a user")}`,
  },
  "user.second_factor_disabled": {
    label: "Two-factor sign-in turned off",
    sentence: (i) => `${who(i)} turned off two-factor sign-in for ${target(i, "their account")}`,
  },
  "user.second_factor_enabled": {
    label: "Two-factor sign-in turned on",
    sentence: (i) => `${who(i)} turned on two-factor sign-in`,
  },
  ...webhookActions(),
} as const satisfies Record<string, AuditActionWords>;

/** An action the audit log records; `recordAudit` takes nothing else. */
export type AuditAction = keyof typeof AUDIT_ACTIONS;

const WORDS: Record<string, AuditActionWords> = AUDIT_ACTIONS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(WORDS, action);
}

/** The filter's choices: every action, by its label. */
export function auditActionChoices(): [AuditAction, string][] {
  return (Object.entries(WORDS) as [AuditAction, AuditActionWords][])
    .map(([action, words]): [AuditAction, string] => [action, words.label])
    .sort((a, b) => a[1].localeCompare(b[1]));
}

/** An action in a few words; an entry older than the table keeps its code, never nothing. */
export function auditActionLabel(action: string) {
  return WORDS[action]?.label ?? action;
}

/** The entities an entry names: its target and those its detail names by id. */
export function auditRefs(entry: {
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: unknown;
}) {
  const refs: AuditRef[] = entry.entityType && entry.entityId ? [[entry.entityType, entry.entityId]] : [];
  const detail = asDetail(entry.detail);
  return [...refs, ...(WORDS[entry.action]?.refs?.(detail) ?? [])];
}

export function asDetail(detail: unknown): Record<string, unknown> {
  return detail && typeof detail === "object" && !Array.isArray(detail) ? (detail as Record<string, unknown>) : {};
}

/** The entry as a sentence, with the names the page resolved (`names`: "type:id" → name). */
export function auditSentence(
  entry: { action: string; entityType: string | null; entityId: string | null; detail: unknown },
  actor: string | null,
  names: ReadonlyMap<string, string>,
): string {
  const words = WORDS[entry.action];
  const input: AuditSentenceInput = {
    actor,
    entityType: entry.entityType,
    entityId: entry.entityId,
    detail: asDetail(entry.detail),
    name: (type, id, fallback) =>
      (typeof id === "string" && names.get(`${type}:${id}`)) || fallback || (typeof id === "string" ? id : ""),
  };
  if (!words) return `${who(input)}: ${entry.action}`;
  return words.sentence(input).replace(/\s+/g, " ").trim();
}
