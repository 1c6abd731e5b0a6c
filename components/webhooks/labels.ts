import type { BadgeVariant } from "@/components/ui/badge";

type DeliveryStatus = "PENDING" | "SUCCEEDED" | "FAILED";

/** A delivery's state in words: a pending one has either never been tried or is waiting to retry. */
export function deliveryStatusBadge(
  status: DeliveryStatus,
  attempts: number,
): { label: string; variant: BadgeVariant } {
  if (status === "SUCCEEDED") return { label: "Delivered", variant: "success" };
  if (status === "FAILED") return { label: "Failed", variant: "danger" };
  return attempts ? { label: "Retrying", variant: "warning" } : { label: "Queued", variant: "info" };
}
