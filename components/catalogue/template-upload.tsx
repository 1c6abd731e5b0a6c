"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useFileUpload } from "@/components/ui/use-file-upload";

// The file goes to a route handler: server actions cap request bodies at 1 MB.
export function TemplateUpload({
  documentId,
  documentName,
  hasTemplate,
}: {
  documentId: string;
  documentName: string;
  hasTemplate: boolean;
}) {
  const router = useRouter();
  const { inputId, errorId, pending, error, onChange } = useFileUpload(
    `/api/admin/required-documents/${documentId}/template`,
    () => {
      toast({ title: `Template for “${documentName}” uploaded`, variant: "success" });
      router.refresh();
    },
  );

  const label = hasTemplate ? "Replace template" : "Upload template";
  return (
    <>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        className="sr-only"
        aria-label={`${label} for ${documentName}`}
        aria-describedby={error ? errorId : undefined}
        onChange={onChange}
      />
      <Button size="sm" variant="secondary" loading={pending} onClick={() => document.getElementById(inputId)?.click()}>
        {pending ? "Uploading…" : label}
      </Button>
      {/* Last in the row and full width, so it wraps under all the document's buttons. */}
      {error && (
        <p id={errorId} role="alert" className="order-last w-full text-right text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </>
  );
}
