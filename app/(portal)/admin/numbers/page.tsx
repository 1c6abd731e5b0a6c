import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { NumberStatusBadge } from "@/components/numbers/number-status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { parseSearchParams, searchText, type RawSearchParams } from "@/lib/http/search-params";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { inventoryOverview } from "@/lib/numbers/inventory";
import { NUMBER_STATUSES } from "@/lib/numbers/queries";

const ZSearch = z.object({ q: searchText(20) });
export const metadata: Metadata = { title: "Number inventory" };

const td = REPORT_CELL;

export default async function InventoryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("numbers.manage_inventory");
  const { q } = parseSearchParams(ZSearch, await searchParams);
  const { products, ranges, imports, matches } = await inventoryOverview(db(), actor, { q });
  return (
    <>
      <PageHeader
        title="Number inventory"
        description="The operator's numbers by country, type and state, the ranges they come from and their imports."
        actions={
          <Link href="/admin/numbers/import" className={buttonClassName("primary")}>
            Import ranges
          </Link>
        }
      />

      <form method="get" role="search" aria-label="Find a number" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
          Number or prefix
          <Input name="q" type="search" inputMode="tel" defaultValue={q ?? ""} placeholder="e.g. +4930 or 493020914" />
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {matches && (
        <Card className="mb-6" aria-labelledby="matches">
          <CardHeader>
            <CardTitle id="matches">Numbers starting with +{q?.replace(/[^0-9]/g, "")}</CardTitle>
          </CardHeader>
          <CardContent>
            {matches.length === 0 ? (
              <p className="text-sm text-muted-foreground">No number starts with that.</p>
            ) : (
              <ul className="divide-y divide-border text-sm">
                {matches.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <Link
                      href={`/admin/numbers/${m.id}`}
                      className="font-mono font-medium text-brand-700 hover:underline"
                    >
                      {m.e164}
                    </Link>
                    <span className="flex items-center gap-2 text-muted-foreground">
                      {NUMBER_TYPE_LABEL[m.type]}
                      {m.pbx && ` · ${m.pbx.name}`} <NumberStatusBadge status={m.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      )}

      <h2 className="mb-2 text-base font-semibold text-foreground">By country and type</h2>
      <ReportTable
        label="Numbers by country, type and state"
        className="mb-6"
        columns={[
          { header: "Country" },
          { header: "Type" },
          ...NUMBER_STATUSES.map((s) => ({ header: s[0] + s.slice(1).toLowerCase(), align: "right" as const })),
          { header: "Total", align: "right" },
        ]}
      >
        {products.map((p) => (
          <tr key={`${p.countryCode}:${p.type}`}>
            <td className={td}>{p.countryCode}</td>
            <td className={td}>{NUMBER_TYPE_LABEL[p.type as keyof typeof NUMBER_TYPE_LABEL]}</td>
            {NUMBER_STATUSES.map((s) => (
              <td key={s} className={`${td} text-right tabular-nums`}>
                {formatNumber(p.states[s] ?? 0)}
              </td>
            ))}
            <td className={`${td} text-right font-medium tabular-nums`}>{formatNumber(p.total)}</td>
          </tr>
        ))}
        {products.length === 0 && (
          <tr>
            <td colSpan={8} className="px-4 py-10 text-center text-muted-foreground">
              No numbers yet: import a range.
            </td>
          </tr>
        )}
      </ReportTable>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section aria-labelledby="ranges-heading">
          <h2 id="ranges-heading" className="mb-2 text-base font-semibold text-foreground">
            Ranges (newest 50)
          </h2>
          <ReportTable
            label="Number ranges"
            columns={[
              { header: "Range" },
              { header: "Country / type" },
              { header: "Area" },
              { header: "Size", align: "right" },
              { header: "Import" },
            ]}
          >
            {ranges.map((r) => (
              <tr key={r.id}>
                <td className={`${td} whitespace-nowrap font-mono`}>
                  {r.firstE164} – {r.lastE164}
                </td>
                <td className={td}>
                  {r.countryCode} {NUMBER_TYPE_LABEL[r.type]}
                </td>
                <td className={td}>{r.areaName ?? "—"}</td>
                <td className={`${td} text-right tabular-nums`}>{formatNumber(r.size)}</td>
                <td className={td}>
                  {r.import ? (
                    <Link
                      href={`/admin/numbers/imports/${r.import.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {r.import.fileName}
                    </Link>
                  ) : (
                    "Initial inventory"
                  )}
                </td>
              </tr>
            ))}
            {ranges.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-10 text-center text-muted-foreground">
                  No ranges yet.
                </td>
              </tr>
            )}
          </ReportTable>
        </section>
        <section aria-labelledby="imports-heading">
          <h2 id="imports-heading" className="mb-2 text-base font-semibold text-foreground">
            Imports (newest 20)
          </h2>
          <ReportTable
            label="Range imports"
            columns={[
              { header: "File" },
              { header: "When" },
              { header: "State" },
              { header: "Rows", align: "right" },
              { header: "Refused", align: "right" },
            ]}
          >
            {imports.map((i) => (
              <tr key={i.id}>
                <td className={td}>
                  <Link href={`/admin/numbers/imports/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.fileName}
                  </Link>
                </td>
                <td className={`${td} whitespace-nowrap text-muted-foreground`}>{formatDateTime(i.createdAt)}</td>
                <td className={td}>
                  {i.status === "COMMITTED" ? "Imported" : i.status === "PREVIEWED" ? "Preview" : "Refused"}
                </td>
                <td className={`${td} text-right tabular-nums`}>{formatNumber(i.rowCount)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatNumber(i.rejectedCount)}</td>
              </tr>
            ))}
            {imports.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-10 text-center text-muted-foreground">
                  No imports yet.
                </td>
              </tr>
            )}
          </ReportTable>
        </section>
      </div>
    </>
  );
}
