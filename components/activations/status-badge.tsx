import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ActivationStatus } from "@/lib/db/generated/enums";

export const ACTIVATION_STATUS: Record<ActivationStatus, { label: string; variant: BadgeVariant }> = {
  DRAFT: { label: "Draft", variant: "neutral" },
  SUBMITTED: { label: "Submitted", variant: "info" },
  IN_REVIEW: { label: "In review", variant: "info" },
  CHANGES_REQUESTED: { label: "Changes requested", variant: "warning" },
  APPROVED: { label: "Approved", variant: "success" },
  REJECTED: { label: "Rejected", variant: "danger" },
};

export function ActivationStatusBadge({ status }: { status: ActivationStatus }) {
  const { label, variant } = ACTIVATION_STATUS[status];
  return <Badge variant={variant}>{label}</Badge>;
}
