"use client";

import { useRouter } from "next/navigation";
import { discardActivationDraftAction } from "@/app/(portal)/activations/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** "Discard draft", confirmed: the draft and its uploads' slots go, and the PBX can be started afresh. */
export function DiscardDraftButton({
  requestId,
  version,
  disabled,
}: {
  requestId: string;
  version: number;
  disabled?: boolean;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Discard this draft?"
      description="The form and the documents attached to it are removed. Nothing has been sent to CLASSOUND; you can start a new request for this PBX at any time."
      confirmLabel="Discard draft"
      variant="danger"
      onConfirm={async () => {
        const result = await discardActivationDraftAction({ requestId, version });
        if (!result.ok) throw new Error(result.error);
        toast({ title: "Draft discarded", variant: "success" });
        router.push("/activations");
      }}
      trigger={
        <Button variant="ghost" className="text-danger-700" disabled={disabled}>
          Discard draft
        </Button>
      }
    />
  );
}
