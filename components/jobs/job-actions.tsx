"use client";

import { useRouter } from "next/navigation";
import { cancelJobAction, retryJobAction } from "@/app/(portal)/admin/jobs/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export function JobActions({ queue, jobId, state }: { queue: string; jobId: string; state: "retry" | "failed" }) {
  const router = useRouter();
  const short = jobId.slice(0, 8);
  if (state === "failed") {
    return (
      <Button
        variant="secondary"
        size="sm"
        aria-label={`Retry job ${short} of ${queue}`}
        onClick={async () => {
          const result = await retryJobAction({ queue, jobId });
          if (!result.ok) return void toast({ title: "Not retried", description: result.error, variant: "error" });
          toast({ title: "Job queued again", variant: "success" });
          router.refresh();
        }}
      >
        Retry
      </Button>
    );
  }
  return (
    <ConfirmDialog
      title={`Cancel job ${short}?`}
      description="It will not be tried again. Whatever it was meant to do stays undone."
      confirmLabel="Cancel job"
      variant="danger"
      onConfirm={async () => {
        const result = await cancelJobAction({ queue, jobId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: "Job cancelled", variant: "success" });
        router.refresh();
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-danger-700" aria-label={`Cancel job ${short} of ${queue}`}>
          Cancel
        </Button>
      }
    />
  );
}
