"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { postFile } from "@/components/ui/post-file";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import type { PaymentImportReport } from "@/lib/billing/payments";
import { formatCount } from "@/lib/format";

/**
 * The bank's payments file: uploaded, then the report of what it did: the payments recorded (and the
 * invoices they made paid), the rows recorded by an earlier import, and each refused row with its
 * line and why.
 */
export function PaymentsImport({ columns, maxRows }: { columns: readonly string[]; maxRows: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<PaymentImportReport | null>(null);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("Choose a CSV file.");
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await postFile<PaymentImportReport>("/api/admin/invoices/payments", file);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReport(result.data);
    if (result.data.applied) router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3" aria-label="Import payments">
        <FormField
          label="Payments file (CSV)"
          hint={`Columns ${columns.join(", ")}; dates as YYYY-MM-DD; at most ${maxRows.toLocaleString("en-GB")} rows.`}
          error={error ?? undefined}
        >
          {(field) => (
            <input
              {...field}
              ref={input}
              type="file"
              accept=".csv,text/csv"
              className="block w-full max-w-full text-sm file:mr-3 file:rounded-control file:border file:border-neutral-300 file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium"
            />
          )}
        </FormField>
        <Button type="submit" variant="secondary" loading={busy}>
          Import payments
        </Button>
      </form>
      {report && <ImportReport report={report} />}
    </div>
  );
}

function ImportReport({ report }: { report: PaymentImportReport }) {
  return (
    <section aria-label="Import report" className="space-y-3">
      <Alert
        variant={report.refused.length ? "warning" : "success"}
        title={`${formatCount(report.applied, "payment")} recorded`}
      >
        {report.paidInvoices.length > 0 && <p>Paid now: {report.paidInvoices.join(", ")}.</p>}
        {report.alreadyRecorded > 0 && (
          <p>
            {formatCount(report.alreadyRecorded, "row was", "rows were")} recorded by an earlier import: nothing added.
          </p>
        )}
        {report.refused.length > 0 && (
          <p>
            {formatCount(report.refused.length, "row")} refused: fix them in the file and import it again (recorded rows
            are not added twice).
          </p>
        )}
      </Alert>
      {report.refused.length > 0 && (
        <ReportTable label="Refused rows" columns={[{ header: "Line", align: "right" }, { header: "Why" }]}>
          {report.refused.map((row, index) => (
            <tr key={`${row.line}-${index}`} data-testid={`refused-line-${row.line}`}>
              <td className={`${REPORT_CELL} text-right tabular-nums`}>{row.line}</td>
              <td className={`${REPORT_CELL} text-danger-700`}>{row.reason}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </section>
  );
}
