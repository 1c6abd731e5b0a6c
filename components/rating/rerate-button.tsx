"use client";

import { useRouter } from "next/navigation";
import { rerateAction } from "@/app/(portal)/admin/rating/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Queues the re-rating of one partner's month; the page shows the counts once the job has run. */
export function RerateButton({
  partnerId,
  partnerName,
  month,
}: {
  partnerId: string;
  partnerName: string;
  month: string;
}) {
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={`Re-rate ${month} of ${partnerName}`}
      onClick={async () => {
        const result = await rerateAction({ partnerId, month });
        if (!result.ok) return void toast({ title: "Not re-rated", description: result.error, variant: "error" });
        toast({
          title: `Re-rating ${month} of ${partnerName}`,
          description: "Queued: refresh in a minute.",
          variant: "success",
        });
        router.refresh();
      }}
    >
      Re-rate
    </Button>
  );
}
