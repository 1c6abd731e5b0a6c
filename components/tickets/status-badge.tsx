import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { TICKET_STATUS_LABEL } from "@/lib/tickets/categories";

const VARIANT: Record<TicketStatus, BadgeVariant> = {
  OPEN: "info",
  WAITING_FOR_SUPPORT: "info",
  WAITING_FOR_PARTNER: "warning",
  RESOLVED: "success",
  CLOSED: "neutral",
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <Badge variant={VARIANT[status]}>{TICKET_STATUS_LABEL[status]}</Badge>;
}
