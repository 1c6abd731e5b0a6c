"use client";

import { useRouter } from "next/navigation";
import { cancelPortingAction } from "@/app/(portal)/porting/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** The partner withdraws a request that has no switch date yet. */
export function CancelPortingButton({ requestId, version }: { requestId: string; version: number }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Cancel this porting request?"
      description="The numbers stay with their current operator. You can submit a new request later."
      confirmLabel="Cancel request"
      cancelLabel="Keep it"
      variant="danger"
      onConfirm={async () => {
        const result = await cancelPortingAction({ requestId, version });
        if (!result.ok) throw new Error(result.error);
        toast({ title: "Porting request cancelled", variant: "success" });
        router.refresh();
      }}
      trigger={<Button variant="secondary">Cancel request</Button>}
    />
  );
}
