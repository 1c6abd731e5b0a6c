import { Badge } from "@/components/ui/badge";
import type { CdrImportStatus } from "@/lib/db/generated/enums";

const LOOK: Record<CdrImportStatus, { label: string; variant: "info" | "success" | "danger" | "neutral" }> = {
  QUEUED: { label: "Queued", variant: "neutral" },
  RUNNING: { label: "Running", variant: "info" },
  DONE: { label: "Done", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
};

export function ImportStatusBadge({ status }: { status: CdrImportStatus }) {
  return <Badge variant={LOOK[status].variant}>{LOOK[status].label}</Badge>;
}
