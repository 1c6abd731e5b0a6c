"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { ImportRowResult } from "@/lib/emergency/csv";
import type { ActionResult } from "@/lib/http/action-result";

type Report = { rows: ImportRowResult[]; stored: number; refused: number };

/** Uploads a number-to-location CSV and shows the report: each refused row and why. */
export function CsvImport() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("Choose a CSV file.");
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.set("file", file);
    const result = (await fetch("/api/emergency/import", { method: "POST", body })
      .then((r) => r.json())
      .catch(() => ({ ok: false, error: "The upload failed. Try again." }))) as ActionResult<Report>;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReport(result.data);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={upload} className="flex flex-wrap items-end gap-3">
        <FormField
          label="CSV file"
          hint="Columns as in the export: number, site, street, house_number, postcode, city, region, country, building, floor, room, latitude, longitude, callback_number."
        >
          {(field) => <input {...field} ref={input} type="file" accept=".csv,text/csv" className="block text-sm" />}
        </FormField>
        <Button type="submit" variant="secondary" loading={busy}>
          Import
        </Button>
      </form>
      {error && <Alert variant="danger">{error}</Alert>}
      {report && (
        <section aria-labelledby="import-report" className="space-y-2">
          <h3 id="import-report" className="text-sm font-semibold" role="status">
            {report.stored} row{report.stored === 1 ? "" : "s"} stored, {report.refused} refused
          </h3>
          <TableScrollRegion label="Import report">
            <table className="w-full text-sm">
              <caption className="sr-only">Import report</caption>
              <thead className="bg-neutral-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Line
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Number
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Result
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {report.rows.map((r) => (
                  <tr key={r.line} data-testid={`import-line-${r.line}`}>
                    <td className="px-3 py-2 tabular-nums">{r.line}</td>
                    <td className="px-3 py-2 font-mono">{r.number}</td>
                    <td className={r.ok ? "px-3 py-2" : "px-3 py-2 font-medium text-danger-700"}>
                      {r.ok ? r.message : `Refused: ${r.message}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </section>
      )}
    </div>
  );
}
