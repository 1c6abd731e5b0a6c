import type { ActivationStatus } from "@/lib/db/generated/enums";

// R2's review workflow. Only these moves exist; everything else is refused in one place.
export type ActivationAction = "submit" | "start_review" | "approve" | "reject" | "request_changes" | "resubmit";

// Who may take each step is decided in lib/auth/policy.ts (ACTIVATION_STEP_PERMISSION).
export const TRANSITIONS: Record<ActivationAction, { from: readonly ActivationStatus[]; to: ActivationStatus }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED" },
  resubmit: { from: ["CHANGES_REQUESTED"], to: "SUBMITTED" },
  start_review: { from: ["SUBMITTED"], to: "IN_REVIEW" },
  approve: { from: ["SUBMITTED", "IN_REVIEW"], to: "APPROVED" },
  reject: { from: ["SUBMITTED", "IN_REVIEW"], to: "REJECTED" },
  request_changes: { from: ["SUBMITTED", "IN_REVIEW"], to: "CHANGES_REQUESTED" },
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
