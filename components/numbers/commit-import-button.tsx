"use client";

import { useRouter } from "next/navigation";
import { commitImportAction } from "@/app/(portal)/admin/numbers/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export function CommitImportButton({
  importId,
  ranges,
  numbers,
}: {
  importId: string;
  ranges: number;
  numbers: string;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Import the accepted ranges?"
      description={`${ranges} range(s), ${numbers} numbers, are added to the inventory in one go. Refused rows are left out.`}
      confirmLabel="Import"
      onConfirm={async () => {
        const result = await commitImportAction({ importId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: `${result.data.numbers} numbers imported`, variant: "success" });
        router.refresh();
      }}
      trigger={<Button>Import accepted ranges</Button>}
    />
  );
}
