import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { EmergencyStatus } from "@/lib/db/generated/enums";

export const EMERGENCY_STATUS: Record<EmergencyStatus, { label: string; variant: BadgeVariant }> = {
  NO_LOCATION: { label: "No location", variant: "danger" },
  PENDING: { label: "Pending registration", variant: "info" },
  ACTIVE: { label: "Active", variant: "success" },
  CHANGES_REQUIRED: { label: "Changes required", variant: "warning" },
};

export function EmergencyStatusBadge({ status }: { status: EmergencyStatus }) {
  return <Badge variant={EMERGENCY_STATUS[status].variant}>{EMERGENCY_STATUS[status].label}</Badge>;
}
