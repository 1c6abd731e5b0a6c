"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, DataTable, FormField, Input, Select, toast, type Column } from "@/components/ui";
import { formatCount } from "@/lib/format";
import type { ActionResult } from "@/lib/http/action-result";
import type { CellError } from "@/lib/pricing/import/read-workbook";
import type { ShownChange } from "@/lib/pricing/price-changes-view";
import { PriceChangesTable } from "./price-changes-table";

interface Report {
  base: { name: string; validFrom: string; isDraft: boolean };
  errors: CellError[];
  warnings: CellError[];
  changes: ShownChange[];
}

const ERROR_COLUMNS: Column<CellError & { key: string }>[] = [
  { key: "sheet", header: "Sheet" },
  { key: "cell", header: "Cell", className: "font-mono" },
  { key: "message", header: "Problem" },
];
const WARNING_COLUMNS: Column<CellError & { key: string }>[] = [
  { key: "sheet", header: "Sheet" },
  { key: "cell", header: "Cell", className: "font-mono" },
  { key: "message", header: "Check" },
];

async function post<T>(url: string, body: FormData): Promise<ActionResult<T>> {
  try {
    const response = await fetch(url, { method: "POST", body });
    return (
      ((await response.json().catch(() => null)) as ActionResult<T> | null) ?? {
        ok: false,
        error: "The server's answer could not be read. Try again.",
        code: "INTERNAL",
      }
    );
  } catch {
    return { ok: false, error: "The upload was interrupted. Check the connection and try again.", code: "INTERNAL" };
  }
}

/**
 * Upload an edited workbook for a tier, see every bad cell or every price that would change, then
 * publish it as a new version from a date. The server checks the workbook again when publishing.
 * Compared with a draft, the published import replaces it (docs/decisions/0057).
 */
export function PriceListImport({
  tiers,
  initialTier,
  today,
}: {
  tiers: { code: string; name: string }[];
  initialTier?: string;
  today: string;
}) {
  const router = useRouter();
  const [tier, setTier] = useState(initialTier ?? tiers[0]?.code ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState(today);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [pending, setPending] = useState<"check" | "publish" | null>(null);

  const form = (fields: Record<string, string> = {}) => {
    const body = new FormData();
    body.set("file", file!);
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    return body;
  };

  async function check() {
    if (!file) return setError("Choose the edited workbook first.");
    setPending("check");
    setError(null);
    const result = await post<Report>(`/api/admin/price-lists/${tier}/check`, form());
    setPending(null);
    if (!result.ok) return setError(result.error);
    setReport(result.data);
  }

  async function publish() {
    setPending("publish");
    setDateError(null);
    const result = await post<{ name: string }>(`/api/admin/price-lists/${tier}/publish`, form({ validFrom }));
    setPending(null);
    if (!result.ok) {
      if (result.fieldErrors?.validFrom) setDateError(result.fieldErrors.validFrom.join(" "));
      return setError(result.error);
    }
    toast({
      title: `${result.data.name} published`,
      description: "Partners on this tier are being notified.",
      variant: "success",
    });
    setReport(null);
    setFile(null);
    router.refresh();
  }

  const reset = () => (setReport(null), setError(null));
  const tierName = tiers.find((t) => t.code === tier)?.name ?? tier;
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Tier">
          {(field) => (
            <Select {...field} value={tier} onChange={(e) => (setTier(e.target.value), reset())}>
              {tiers.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          label="Edited workbook (.xlsx)"
          hint={
            file
              ? `Chosen: ${file.name}`
              : "Export the latest version to Excel, change prices, add or remove rows, and choose it here."
          }
        >
          {(field) => (
            <input
              {...field}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="block w-full text-sm file:mr-3 file:rounded-control file:border file:border-neutral-300 file:bg-surface file:px-3 file:py-2 file:text-sm file:font-medium"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                // Emptied so that choosing the same file again after fixing it is a change; the bytes
                // are kept as they were when chosen (a file edited on disk since cannot be read).
                e.target.value = "";
                reset();
                setFile(chosen ? new File([await chosen.arrayBuffer()], chosen.name, { type: chosen.type }) : null);
              }}
            />
          )}
        </FormField>
      </div>
      <Button onClick={check} loading={pending === "check"} disabled={!file || pending !== null}>
        Check workbook
      </Button>
      {error && <Alert variant="danger">{error}</Alert>}
      {report && report.errors.length > 0 && (
        <section aria-labelledby="import-problems" className="space-y-3">
          <h3 id="import-problems" className="text-base font-semibold">
            {formatCount(report.errors.length, "problem")} to fix
          </h3>
          <p className="text-sm text-muted-foreground">
            Nothing was published. Correct these cells in the workbook, save it, choose it again and check it.
          </p>
          <DataTable
            caption="Problems in the workbook"
            columns={ERROR_COLUMNS}
            rows={report.errors.map((e, i) => ({ ...e, key: `${i}` }))}
            getRowKey={(r) => r.key}
          />
        </section>
      )}
      {report && report.warnings.length > 0 && (
        <section aria-labelledby="import-warnings" className="space-y-3">
          <h3 id="import-warnings" className="text-base font-semibold">
            {formatCount(report.warnings.length, "price")} to check
          </h3>
          <p className="text-sm text-muted-foreground">
            These prices are far outside the usual range. They can be published as they are, if they are right.
          </p>
          <DataTable
            caption="Prices to check in the workbook"
            columns={WARNING_COLUMNS}
            rows={report.warnings.map((e, i) => ({ ...e, key: `${i}` }))}
            getRowKey={(r) => r.key}
          />
        </section>
      )}
      {report && report.errors.length === 0 && (
        <section aria-labelledby="import-preview" className="space-y-4">
          <h3 id="import-preview" className="text-base font-semibold">
            {formatCount(report.changes.length, "price")} {report.changes.length === 1 ? "differs" : "differ"} from{" "}
            {report.base.name}{" "}
            {report.base.isDraft
              ? `(a draft dated ${report.base.validFrom}, never in force)`
              : `(in force from ${report.base.validFrom})`}
          </h3>
          {report.base.isDraft && (
            <p className="text-sm text-muted-foreground">Publishing this workbook deletes the draft it replaces.</p>
          )}
          <PriceChangesTable changes={report.changes} caption={`Changes the new ${tierName} version would make`} />
          {report.changes.length > 0 && (
            <div className="flex flex-wrap items-end gap-3">
              <FormField label="In force from" error={dateError} className="w-48">
                {(field) => (
                  <Input
                    {...field}
                    type="date"
                    min={today}
                    value={validFrom}
                    onChange={(e) => setValidFrom(e.target.value)}
                  />
                )}
              </FormField>
              <Button onClick={publish} loading={pending === "publish"} disabled={pending !== null}>
                Publish new {tierName} version
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
