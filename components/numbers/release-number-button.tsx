"use client";

import { useRouter } from "next/navigation";
import { releaseNumberAction } from "@/app/(portal)/numbers/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export function ReleaseNumberButton({
  numberId,
  e164,
  quarantineDays,
}: {
  numberId: string;
  e164: string;
  quarantineDays: number;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Release ${e164}?`}
      description={`The number leaves this PBX at once and rests ${quarantineDays} days before anyone can order it again. Calls to it stop reaching the PBX.`}
      confirmLabel="Release number"
      onConfirm={async () => {
        const result = await releaseNumberAction({ numberId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: `${e164} released`, variant: "success" });
        router.refresh();
      }}
      trigger={
        <Button variant="secondary" size="sm">
          Release<span className="sr-only"> {e164}</span>
        </Button>
      }
    />
  );
}
