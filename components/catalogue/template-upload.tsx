"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { postFile } from "@/components/ui/post-file";

// The file goes to a route handler: server actions cap request bodies at 1 MB.
export function TemplateUpload({ documentId, documentName, hasTemplate }: { documentId: string; documentName: string; hasTemplate: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    setPending(true);
    const result = await postFile(`/api/admin/required-documents/${documentId}/template`, file);
    setPending(false);
    if (!result.ok) return setError(result.error);
    toast({ title: `Template for “${documentName}” uploaded`, variant: "success" });
    router.refresh();
  }

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
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) upload(file);
        }}
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
