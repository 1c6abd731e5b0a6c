"use client";

import { useRouter } from "next/navigation";
import { commitImportAction } from "@/app/(portal)/admin/numbers/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { formatCount } from "@/lib/format";

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
      description={`${formatCount(ranges, "range")}, ${numbers} numbers, are added to the inventory in one go. Refused rows are left out.`}
      confirmLabel="Import"
      onConfirm={async () => {
        const result = await commitImportAction({ importId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: `${formatCount(result.data.numbers, "number")} imported`, variant: "success" });
        router.refresh();
      }}
      trigger={<Button>Import accepted ranges</Button>}
    />
  );
}
