"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { startActivationAction } from "@/app/(portal)/activations/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function StartActivationButton({ pbxId, pbxName }: { pbxId: string; pbxName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      loading={busy}
      aria-label={`Activate CLASSOUND on ${pbxName}`}
      onClick={async () => {
        setBusy(true);
        const result = await startActivationAction({ pbxId });
        if (result.ok) {
          router.push(`/activations/${result.data.requestId}`);
          return;
        }
        setBusy(false);
        toast({ title: "Could not start the activation", description: result.error, variant: "error" });
        router.refresh();
      }}
    >
      Activate CLASSOUND
    </Button>
  );
}
