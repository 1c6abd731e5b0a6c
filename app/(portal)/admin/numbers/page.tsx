import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { NumberStatusBadge } from "@/components/numbers/number-status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { parseSearchParams, searchText, type RawSearchParams } from "@/lib/http/search-params";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { inventoryOverview } from "@/lib/numbers/inventory";
import { NUMBER_STATUSES } from "@/lib/numbers/queries";

const ZSearch = z.object({ q: searchText(20) });
export const metadata: Metadata = { title: "Number inventory" };

const th = "px-4 py-3 font-medium";
const td = "px-4 py-2.5";
const head = "border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground";

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
      <TableScrollRegion label="Numbers by country, type and state" className="mb-6">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Numbers by country, type and state</caption>
          <thead className={head}>
            <tr>
              <th scope="col" className={th}>
                Country
              </th>
              <th scope="col" className={th}>
                Type
              </th>
              {NUMBER_STATUSES.map((s) => (
                <th key={s} scope="col" className={`${th} text-right`}>
                  {s[0] + s.slice(1).toLowerCase()}
                </th>
              ))}
              <th scope="col" className={`${th} text-right`}>
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
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
          </tbody>
        </table>
      </TableScrollRegion>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section aria-labelledby="ranges-heading">
          <h2 id="ranges-heading" className="mb-2 text-base font-semibold text-foreground">
            Ranges (newest 50)
          </h2>
          <TableScrollRegion label="Number ranges">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Number ranges</caption>
              <thead className={head}>
                <tr>
                  <th scope="col" className={th}>
                    Range
                  </th>
                  <th scope="col" className={th}>
                    Country / type
                  </th>
                  <th scope="col" className={th}>
                    Area
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Size
                  </th>
                  <th scope="col" className={th}>
                    Import
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
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
              </tbody>
            </table>
          </TableScrollRegion>
        </section>
        <section aria-labelledby="imports-heading">
          <h2 id="imports-heading" className="mb-2 text-base font-semibold text-foreground">
            Imports (newest 20)
          </h2>
          <TableScrollRegion label="Range imports">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Range imports</caption>
              <thead className={head}>
                <tr>
                  <th scope="col" className={th}>
                    File
                  </th>
                  <th scope="col" className={th}>
                    When
                  </th>
                  <th scope="col" className={th}>
                    State
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Rows
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Refused
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td className={td}>
                      <Link
                        href={`/admin/numbers/imports/${i.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
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
              </tbody>
            </table>
          </TableScrollRegion>
        </section>
      </div>
    </>
  );
}
