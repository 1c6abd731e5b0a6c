import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { NumberStatus } from "@/lib/db/generated/enums";

const STATUS: Record<NumberStatus, { label: string; variant: BadgeVariant }> = {
  AVAILABLE: { label: "Available", variant: "success" },
  RESERVED: { label: "Reserved", variant: "warning" },
  ASSIGNED: { label: "In use", variant: "info" },
  PORTING: { label: "Porting", variant: "warning" },
  QUARANTINE: { label: "Quarantine", variant: "neutral" },
};

export function NumberStatusBadge({ status }: { status: NumberStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
}
