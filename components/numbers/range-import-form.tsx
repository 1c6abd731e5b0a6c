"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RANGE_COLUMNS } from "@/lib/numbers/range-import-columns";

/** Uploads a ranges file; the preview page shows each row's fate before anything is imported. */
export function RangeImportForm() {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const response = await fetch("/api/admin/number-imports", {
          method: "POST",
          body: new FormData(event.currentTarget),
        });
        const result = (await response.json().catch(() => null)) as {
          ok: boolean;
          data?: { id: string };
          error?: string;
        } | null;
        setPending(false);
        if (!result?.ok || !result.data) return setError(result?.error ?? "The upload failed; try again.");
        router.push(`/admin/numbers/imports/${result.data.id}`);
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-foreground">
          Ranges file (.csv or .xlsx)
        </label>
        <input
          id={id}
          name="file"
          type="file"
          accept=".csv,.xlsx"
          required
          aria-describedby={`${id}-hint`}
          className="text-sm"
        />
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          First row: {RANGE_COLUMNS.join(", ")}. Numbers in E.164, e.g. +493012340000.
        </p>
      </div>
      {error && <Alert variant="danger">{error}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Preview import"}
      </Button>
    </form>
  );
}
