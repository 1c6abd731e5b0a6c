"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { postFile } from "@/components/ui/post-file";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { formatCount } from "@/lib/format";
import type { PbxImportReport } from "@/lib/pbx/import/import-pbxs";

/**
 * Uploads a PBX file and shows what became of it: every PBX stored, or (all or nothing) none and
 * each refused row with its line, column and reason, to fix in the file and upload again.
 */
export function RegisterCsvImport({ maxRows, maxBytes }: { maxRows: number; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<PbxImportReport | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("Choose a CSV file.");
    if (file.size > maxBytes)
      return setError(
        `The file is larger than ${maxBytes / 1_000_000} MB: split it into files of at most ${maxRows} rows.`,
      );
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await postFile<PbxImportReport>("/api/pbxs/import", file);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReport(result.data);
    if (result.data.stored) router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="flex flex-wrap items-end gap-3">
        <FormField
          label="CSV file"
          hint={`UTF-8, comma-separated, with the template's header; at most ${maxRows.toLocaleString("en-GB")} PBXs.`}
          error={error ?? undefined}
        >
          {(field) => (
            <input {...field} ref={input} type="file" accept=".csv,text/csv" className="block max-w-full text-sm" />
          )}
        </FormField>
        <Button type="submit" loading={busy}>
          Check and import
        </Button>
      </form>
      {report && <ImportReport report={report} />}
    </div>
  );
}

function ImportReport({ report }: { report: PbxImportReport }) {
  if (report.stored > 0 && "pbxs" in report)
    return (
      <Alert variant="success" title={`${formatCount(report.stored, "PBX", "PBXs")} registered`}>
        <ul className="mt-1 space-y-0.5">
          {report.pbxs.slice(0, 20).map((pbx) => (
            <li key={pbx.id}>
              Line {pbx.line}: <Link href={`/pbxs/${pbx.id}/licence`}>{pbx.serial}</Link>
            </li>
          ))}
        </ul>
        {report.pbxs.length > 20 && (
          <p className="mt-1">
            … and {report.pbxs.length - 20} more: see <Link href="/pbxs">the PBX list</Link>.
          </p>
        )}
      </Alert>
    );
  if (!("rows" in report)) return null;
  return (
    <section aria-labelledby="pbx-import-report" className="space-y-3">
      <Alert variant="danger" title="Nothing was imported">
        <p id="pbx-import-report">
          {formatCount(report.refused, "row")} of {report.rows} refused. An import stores every row or none: fix the
          rows below in the file and upload it again.
        </p>
      </Alert>
      <ReportTable
        label="Refused rows"
        columns={[{ header: "Line", align: "right" }, { header: "Column" }, { header: "Why" }]}
      >
        {report.refusals.map((refusal, index) => (
          <tr key={`${refusal.line}-${refusal.column}-${index}`} data-testid={`refusal-line-${refusal.line}`}>
            <td className={`${REPORT_CELL} text-right tabular-nums`}>{refusal.line}</td>
            <td className={`${REPORT_CELL} font-mono`}>{refusal.column ?? "—"}</td>
            <td className={`${REPORT_CELL} text-danger-700`}>{refusal.message}</td>
          </tr>
        ))}
      </ReportTable>
    </section>
  );
}
