"use client";

import { useRouter } from "next/navigation";
import { archiveRequiredDocumentAction } from "@/app/(portal)/admin/countries/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export function ArchiveDocumentButton({ documentId, name }: { documentId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Archive “${name}”?`}
      description="New requests will no longer ask for it. Requests already started keep it, and copies already accepted stay on file."
      confirmLabel="Archive"
      variant="danger"
      onConfirm={async () => {
        const result = await archiveRequiredDocumentAction({ documentId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: `“${name}” archived`, variant: "success" });
        router.refresh();
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-danger-700" aria-label={`Archive ${name}`}>
          Archive
        </Button>
      }
    />
  );
}
