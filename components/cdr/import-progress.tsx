"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { CdrImportStatus } from "@/lib/db/generated/enums";
import { formatNumber } from "@/lib/format";
import type { ActionResult } from "@/lib/http/action-result";
import { ImportStatusBadge } from "./import-status-badge";

export interface ImportView {
  id: string;
  status: CdrImportStatus;
  rowsRead: number;
  rowsStored: number;
  rowsDuplicate: number;
  rowsRefused: number;
  report: Record<string, number>;
  error: string | null;
  refusedRows: { line: number; reasons: string; raw: string }[];
}

const running = (status: CdrImportStatus) => status === "QUEUED" || status === "RUNNING";

async function fetchImport(id: string): Promise<ImportView> {
  const response = await fetch(`/api/admin/cdr-imports/${id}`, { cache: "no-store" });
  const result = (await response.json()) as ActionResult<ImportView>;
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** The import's counters, polled every second while it runs, then its report and refused rows. */
export function ImportProgress({ initial }: { initial: ImportView }) {
  const { data, isError } = useQuery({
    queryKey: ["cdr-import", initial.id],
    queryFn: () => fetchImport(initial.id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && running(query.state.data.status) ? 1000 : false),
  });
  const view = data ?? initial;
  const reasons = Object.entries(view.report).sort((a, b) => b[1] - a[1]);
  const counts = [
    ["Rows read", view.rowsRead],
    ["Stored", view.rowsStored],
    ["Duplicates (already stored)", view.rowsDuplicate],
    ["Refused", view.rowsRefused],
  ] as const;
  return (
    <div className="space-y-6">
      <section aria-labelledby="progress-heading" aria-live="polite" aria-busy={running(view.status)}>
        <h2 id="progress-heading" className="mb-3 flex items-center gap-3 text-lg font-semibold">
          Progress <ImportStatusBadge status={view.status} />
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {counts.map(([label, value]) => (
            <div key={label} className="rounded-card border border-neutral-200 bg-surface p-3">
              <dt className="text-sm text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
        {isError && (
          <Alert variant="warning" className="mt-3">
            The progress could not be refreshed; it will try again.
          </Alert>
        )}
        {view.status === "FAILED" && view.error && (
          <Alert variant="danger" className="mt-3">
            The import stopped: {view.error}. Its committed batches are kept; the job retries and resumes after them.
          </Alert>
        )}
      </section>

      {!running(view.status) && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading" className="mb-3 text-lg font-semibold">
            Report
          </h2>
          {reasons.length === 0 ? (
            <p className="text-sm text-muted-foreground">Every row was stored.</p>
          ) : (
            <>
              <TableScrollRegion label="Refusals by reason">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Rows not stored, by reason</caption>
                  <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
                    <tr>
                      <th scope="col" className="px-4 py-3 font-medium">
                        Reason
                      </th>
                      <th scope="col" className="px-4 py-3 text-right font-medium">
                        Rows
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {reasons.map(([reason, count]) => (
                      <tr key={reason}>
                        <th scope="row" className="px-4 py-2.5 font-normal">
                          {reason}
                        </th>
                        <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScrollRegion>
              <p className="mt-3">
                <a
                  className="font-medium text-brand-700 hover:underline"
                  href={`/api/admin/cdr-imports/${view.id}/refused`}
                  download
                >
                  Download the refused rows (CSV)
                </a>
              </p>
              {view.refusedRows.length > 0 && (
                <div className="mt-4">
                  <h3 className="mb-2 font-medium">First refused rows</h3>
                  <TableScrollRegion label="First refused rows">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">The first refused rows with their line in the file</caption>
                      <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
                        <tr>
                          <th scope="col" className="px-4 py-3 text-right font-medium">
                            Line
                          </th>
                          <th scope="col" className="px-4 py-3 font-medium">
                            Reasons
                          </th>
                          <th scope="col" className="px-4 py-3 font-medium">
                            Row
                          </th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-neutral-100">
                        {view.refusedRows.map((row) => (
                          <tr key={row.line} className="align-top">
                            <td className="px-4 py-2.5 text-right tabular-nums">{row.line}</td>
                            <td className="px-4 py-2.5">{row.reasons}</td>
                            <td className="break-all px-4 py-2.5 font-mono text-xs">{row.raw}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScrollRegion>
                </div>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
