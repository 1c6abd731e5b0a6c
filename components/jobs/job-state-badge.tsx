import { Badge } from "@/components/ui/badge";

export function JobStateBadge({ state }: { state: "retry" | "failed" }) {
  return state === "failed" ? (
    <Badge variant="danger">Failed</Badge>
  ) : (
    <Badge variant="warning">Waiting to retry</Badge>
  );
}
