"use client";

import { useRouter } from "next/navigation";
import { publishDraftAction } from "@/app/(portal)/admin/price-lists/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** "Publish" a draft, confirmed with what it means: from when it is in force (docs/decisions/0057). */
export function PublishDraftButton({
  draft,
}: {
  draft: { id: string; name: string; tierName: string; onPublishing: string };
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Publish ${draft.name}?`}
      description={draft.onPublishing}
      confirmLabel="Publish"
      onConfirm={async () => {
        const result = await publishDraftAction({ priceListId: draft.id });
        if (!result.ok) throw new Error(result.error);
        toast({
          title: `${result.data.name} published`,
          description: `Partners on ${draft.tierName} are being notified.`,
          variant: "success",
        });
        router.refresh();
      }}
      trigger={
        <Button size="sm" aria-label={`Publish ${draft.name}`}>
          Publish
        </Button>
      }
    />
  );
}
