import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { PortingStatus } from "@/lib/db/generated/enums";

export const PORTING_STATUS: Record<PortingStatus, { label: string; variant: BadgeVariant }> = {
  SUBMITTED: { label: "Submitted", variant: "info" },
  IN_PROGRESS: { label: "In progress", variant: "info" },
  SCHEDULED: { label: "Scheduled", variant: "warning" },
  COMPLETED: { label: "Completed", variant: "success" },
  REJECTED: { label: "Rejected", variant: "danger" },
  CANCELLED: { label: "Cancelled", variant: "neutral" },
};

export function PortingStatusBadge({ status }: { status: PortingStatus }) {
  const { label, variant } = PORTING_STATUS[status];
  return <Badge variant={variant}>{label}</Badge>;
}
