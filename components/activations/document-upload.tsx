"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

// Each document uploads on its own, straight to the server, so one slow or refused file never
// holds up the others and nothing is lost if the browser closes afterwards.
export function DocumentUpload({
  requestId,
  documentId,
  documentName,
  hasFile,
}: {
  requestId: string;
  documentId: string;
  documentName: string;
  hasFile: boolean;
}) {
  const router = useRouter();
  const inputId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(file: File) {
    setError(null);
    setProgress(0);
    const body = new FormData();
    body.set("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/activations/${requestId}/documents/${documentId}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      const result = JSON.parse(xhr.responseText || "{}");
      if (xhr.status >= 400 || !result.ok) {
        setError(result.error ?? "The upload failed. Try again.");
        return;
      }
      toast({ title: `${documentName} uploaded`, variant: "success" });
      router.refresh();
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload was interrupted. Check the connection and try again.");
    };
    xhr.send(body);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <input
        id={inputId}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        className="sr-only"
        aria-label={`${hasFile ? "Replace" : "Upload"} ${documentName}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) upload(file);
        }}
      />
      <Button
        size="sm"
        variant={hasFile ? "secondary" : "primary"}
        loading={progress !== null}
        onClick={() => document.getElementById(inputId)?.click()}
      >
        {progress !== null ? `Uploading ${progress}%` : hasFile ? "Replace file" : "Upload file"}
      </Button>
      {error && (
        <p role="alert" className="max-w-xs text-right text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
