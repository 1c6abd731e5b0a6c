"use client";

import { useRouter } from "next/navigation";
import { cancelServiceAction, withdrawCancellationAction } from "@/app/(portal)/pbxs/[id]/(hub)/service-actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** Cancel CLASSOUND from the end of the term (R3), after a confirmation that nothing is refunded. */
export function CancelServiceButton({ pbxId, endsOn }: { pbxId: string; endsOn: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Cancel CLASSOUND at the end of the term?"
      description={`CLASSOUND keeps running until ${endsOn}, the end of this PBX's term, and ends then. Nothing is refunded: the term is paid in full. You can withdraw the cancellation until ${endsOn}.`}
      confirmLabel="Cancel at end of term"
      cancelLabel="Keep the service"
      variant="danger"
      onConfirm={async () => {
        const result = await cancelServiceAction({ pbxId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: `CLASSOUND cancelled from ${endsOn}`, variant: "success" });
        router.refresh();
      }}
      trigger={
        <Button variant="secondary" size="sm">
          Cancel at end of term
        </Button>
      }
    />
  );
}

/** Take the cancellation back: the service runs on past its term's end once the PBX is renewed. */
export function WithdrawCancellationButton({ pbxId }: { pbxId: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Withdraw the cancellation?"
      description="CLASSOUND then runs on like any other service: renew the PBX before its term ends to keep it."
      confirmLabel="Withdraw cancellation"
      cancelLabel="Keep it cancelled"
      onConfirm={async () => {
        const result = await withdrawCancellationAction({ pbxId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: "Cancellation withdrawn", variant: "success" });
        router.refresh();
      }}
      trigger={
        <Button variant="secondary" size="sm">
          Withdraw cancellation
        </Button>
      }
    />
  );
}
