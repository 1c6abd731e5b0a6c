import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { formatMonthIn } from "@/lib/format";

export const INVOICE_STATUS: Record<InvoiceStatus, { label: string; variant: BadgeVariant }> = {
  DRAFT: { label: "Draft", variant: "warning" },
  ISSUED: { label: "Issued", variant: "info" },
  PAID: { label: "Paid", variant: "success" },
  OVERDUE: { label: "Overdue", variant: "danger" },
  VOID: { label: "Void", variant: "neutral" },
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge variant={INVOICE_STATUS[status].variant}>{INVOICE_STATUS[status].label}</Badge>;
}

/** "2026-10" as people read it: "October 2026". */
export function monthLabel(month: string) {
  return formatMonthIn(new Date(`${month}-15T12:00:00Z`), "UTC");
}
