import type { Metadata } from "next";
import { RegisterCsvImport } from "@/components/pbx/register-csv-import";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { AGREEMENT_SUSPENDED_MESSAGE, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import {
  PBX_CSV_COLUMNS,
  PBX_IMPORT_MAX_BYTES,
  PBX_IMPORT_MAX_ROWS,
  type PbxCsvColumn,
} from "@/lib/pbx/import/columns";
import { SERIAL_HINT } from "@/lib/pbx/schemas";

export const metadata: Metadata = { title: "Import PBXs" };

const COLUMN_MEANING: Record<PbxCsvColumn, string> = {
  customer: "The customer's name (any case) or id, one of your customers that is not archived.",
  serial: `${SERIAL_HINT} Unique in the file and in the portal.`,
  name: "How people know the PBX, 2 to 100 characters.",
  licensing: "PER_USER or PER_SYSTEM.",
  plan: "MONTHLY, YEARLY, FIVE_YEAR or LIFETIME.",
  term_start: "The licence's start, YYYY-MM-DD.",
  term_end: "Its end, YYYY-MM-DD, after the start; empty for LIFETIME.",
  basic: "Basic users: a whole number, 0 if none.",
  essential: "Essential users, likewise.",
  business: "Business users, likewise.",
  premium: "Premium users, likewise.",
  software_version: "As the PBX reports it, e.g. 6.01.20240310.2.",
};

/** Registers many PBXs from one CSV file, all or nothing, with a report of every refused row. */
export default async function ImportPbxsPage() {
  const actor = await requirePermission("pbx.manage");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "PBXs", href: "/pbxs" }, { label: "Import from CSV" }]}
        title="Import PBXs from CSV"
        description={`Register up to ${PBX_IMPORT_MAX_ROWS.toLocaleString("en-GB")} PBXs at once. Every row is checked as the registration form checks it; if any row is refused, nothing is stored and the report lists each refused row.`}
        actions={
          <a className={buttonClassName("secondary")} href="/api/pbxs/import/template" download>
            Download the template
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Upload</CardTitle>
              <CardDescription>Start from the template: one PBX a row under its header.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            {canChange(actor, "pbx.manage") ? (
              <RegisterCsvImport maxRows={PBX_IMPORT_MAX_ROWS} maxBytes={PBX_IMPORT_MAX_BYTES} />
            ) : (
              <Alert variant="warning">{AGREEMENT_SUSPENDED_MESSAGE}</Alert>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>The columns</CardTitle>
          </CardHeader>
          <ReportTable label="The file's columns" columns={[{ header: "Column" }, { header: "What it holds" }]}>
            {PBX_CSV_COLUMNS.map((column) => (
              <tr key={column}>
                <td className={`${REPORT_CELL} font-mono whitespace-nowrap`}>{column}</td>
                <td className={REPORT_CELL}>{COLUMN_MEANING[column]}</td>
              </tr>
            ))}
          </ReportTable>
        </Card>
      </div>
    </>
  );
}
