import type { PortingStatus } from "@/lib/db/generated/enums";

// R10's port-in workflow. Only these moves exist; everything else is refused in one place.
export type PortingAction = "start" | "schedule" | "complete" | "reject" | "cancel";

export const PORTING_ACTIONS: readonly PortingAction[] = ["start", "schedule", "complete", "reject", "cancel"];

// Who may take each step is decided in lib/auth/policy.ts (PORTING_STEP_PERMISSION). Scheduling a
// scheduled request moves its date (the losing operator often proposes another slot). The partner
// may withdraw until a date is set: from then on the operators have committed to the switch.
export const TRANSITIONS: Record<PortingAction, { from: readonly PortingStatus[]; to: PortingStatus }> = {
  start: { from: ["SUBMITTED"], to: "IN_PROGRESS" },
  schedule: { from: ["IN_PROGRESS", "SCHEDULED"], to: "SCHEDULED" },
  complete: { from: ["SCHEDULED"], to: "COMPLETED" },
  reject: { from: ["SUBMITTED", "IN_PROGRESS", "SCHEDULED"], to: "REJECTED" },
  cancel: { from: ["SUBMITTED", "IN_PROGRESS"], to: "CANCELLED" },
};

/** Every status, in the workflow's order (tabs, filters). */
export const PORTING_STATUSES = [
  "SUBMITTED",
  "IN_PROGRESS",
  "SCHEDULED",
  "COMPLETED",
  "REJECTED",
  "CANCELLED",
] as const satisfies readonly PortingStatus[];

/** Requests still under way: their numbers cannot be asked for again. */
export const OPEN_PORTING_STATUSES: readonly PortingStatus[] = ["SUBMITTED", "IN_PROGRESS", "SCHEDULED"];

export function canTransition(from: PortingStatus, action: PortingAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function nextStatus(from: PortingStatus, action: PortingAction): PortingStatus | null {
  return canTransition(from, action) ? TRANSITIONS[action].to : null;
}
