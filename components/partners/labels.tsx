import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { AgreementStatus } from "@/lib/db/generated/enums";

export const AGREEMENT_STATUS: Record<AgreementStatus, { label: string; variant: BadgeVariant }> = {
  ACTIVE: { label: "Active", variant: "success" },
  SUSPENDED: { label: "Suspended", variant: "danger" },
  TERMINATED: { label: "Terminated", variant: "neutral" },
};

export function AgreementBadge({ status }: { status: AgreementStatus }) {
  return <Badge variant={AGREEMENT_STATUS[status].variant}>{AGREEMENT_STATUS[status].label}</Badge>;
}
