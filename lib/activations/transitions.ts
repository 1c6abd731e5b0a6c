import type { ActivationStatus } from "@/lib/db/generated/enums";

// R2's review workflow. Only these moves exist; everything else is refused in one place.
export type ActivationAction = "submit" | "start_review" | "approve" | "reject" | "request_changes" | "resubmit";

export const TRANSITIONS: Record<ActivationAction, { from: readonly ActivationStatus[]; to: ActivationStatus; by: "PARTNER" | "ADMIN" }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", by: "PARTNER" },
  resubmit: { from: ["CHANGES_REQUESTED"], to: "SUBMITTED", by: "PARTNER" },
  start_review: { from: ["SUBMITTED"], to: "IN_REVIEW", by: "ADMIN" },
  approve: { from: ["SUBMITTED", "IN_REVIEW"], to: "APPROVED", by: "ADMIN" },
  reject: { from: ["SUBMITTED", "IN_REVIEW"], to: "REJECTED", by: "ADMIN" },
  request_changes: { from: ["SUBMITTED", "IN_REVIEW"], to: "CHANGES_REQUESTED", by: "ADMIN" },
};

export const OPEN_STATUSES: readonly ActivationStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"];

/** Statuses in which the partner may still edit the form and its documents. */
export const EDITABLE_STATUSES: readonly ActivationStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

export function canTransition(from: ActivationStatus, action: ActivationAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function nextStatus(from: ActivationStatus, action: ActivationAction): ActivationStatus | null {
  return canTransition(from, action) ? TRANSITIONS[action].to : null;
}
