"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useFileUpload } from "@/components/ui/use-file-upload";

// The file goes to a route handler (server actions cap bodies at 1 MB); the import runs as a job
// and its page shows the progress.
export function CdrUpload({ maxBytesLabel }: { maxBytesLabel: string }) {
  const router = useRouter();
  const { inputId, errorId, pending, error, onChange } = useFileUpload<{ id: string }>(
    "/api/admin/cdr-imports",
    (data) => router.push(`/admin/cdr-imports/${data.id}`),
  );
  const hintId = `${inputId}-hint`;

  return (
    <div className="rounded-card border border-neutral-200 bg-surface p-4">
      <label htmlFor={inputId} className="block font-medium">
        CDR file (CSV)
      </label>
      <p id={hintId} className="mt-1 text-sm text-muted-foreground">
        A header line, then one call per line: call_id, pbx (serial), direction (in/out), from, to, extension, did,
        started_at, answered_at, duration (seconds), disposition (answered, busy, no_answer, failed), freephone_source.
        Up to {maxBytesLabel}.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          disabled={pending}
          className="max-w-full text-sm file:mr-3 file:rounded-control file:border file:border-neutral-300 file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium"
          onChange={onChange}
        />
        {pending && (
          <Button size="sm" variant="secondary" loading disabled>
            Uploading…
          </Button>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
