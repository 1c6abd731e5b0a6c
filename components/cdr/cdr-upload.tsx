"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useFileUpload } from "@/components/ui/use-file-upload";

// The file goes to a route handler (server actions cap bodies at 1 MB); the import runs as a job
// and its page shows the progress.
const HINT = {
  CALLS:
    "A header line, then one call per line: call_id, pbx (serial), direction (in/out), from, to, extension, did, started_at, answered_at, duration (seconds), disposition (answered, busy, no_answer, failed), freephone_source.",
  SMS: "A header line, then one SMS per line: message_id, pbx (serial), direction (in/out), from, to, extension (the user; required for a sent SMS), sent_at, segments (1-10, default 1), sender_name.",
} as const;
type Kind = keyof typeof HINT;

export function CdrUpload({ maxBytesLabel }: { maxBytesLabel: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("CALLS");
  const { inputId, errorId, pending, error, onChange } = useFileUpload<{ id: string }>(
    `/api/admin/cdr-imports?kind=${kind}`,
    (data) => router.push(`/admin/cdr-imports/${data.id}`),
  );
  const hintId = `${inputId}-hint`;

  return (
    <div className="rounded-card border border-neutral-200 bg-surface p-4">
      <fieldset className="mb-3 flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">Records in the file</legend>
        {(["CALLS", "SMS"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2">
            <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === "CALLS" ? "Calls" : "SMS"}
          </label>
        ))}
      </fieldset>
      <label htmlFor={inputId} className="block font-medium">
        {kind === "CALLS" ? "CDR file (CSV)" : "SMS file (CSV)"}
      </label>
      <p id={hintId} className="mt-1 text-sm text-muted-foreground">
        {HINT[kind]} Up to {maxBytesLabel}.
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
