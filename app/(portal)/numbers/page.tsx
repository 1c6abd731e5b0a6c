import type { Metadata } from "next";
import Link from "next/link";
import { NumberFilters } from "@/components/numbers/number-filters";
import { NumbersTable } from "@/components/numbers/numbers-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import { formatNumber } from "@/lib/format";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listNumbers, numberFilterOptions, ZNumberSearch } from "@/lib/numbers/queries";

export const metadata: Metadata = { title: "Numbers" };

export default async function NumbersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("numbers.view");
  const search = parseSearchParams(ZNumberSearch, await searchParams);
  const [list, options] = await Promise.all([listNumbers(db(), actor, search), numberFilterOptions(db(), actor)]);
  const { page, ...filters } = search;
  const query = (next: Record<string, string>) =>
    `?${new URLSearchParams(Object.entries({ ...filters, ...next }).filter(([, v]) => v) as [string, string][])}`;
  return (
    <>
      <PageHeader
        title="Numbers"
        description="Every number on your PBXs. Order new ones from a PBX's page."
        actions={
          <Button asChild variant="secondary">
            <a href={`/api/numbers/export${query({})}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <NumberFilters search={search} pbxs={options.pbxs} countries={options.countries} clearHref="/numbers" />
      <NumbersTable
        rows={list.rows}
        caption="Numbers"
        canRelease={canChange(actor, "numbers.manage")}
        showPbx
        quarantineDays={readRuntimeEnv().NUMBER_QUARANTINE_DAYS}
        empty="No numbers match."
      />
      <nav
        aria-label="Pagination"
        className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground"
      >
        <span>
          {formatNumber(list.total)} numbers · page {page} of {list.pageCount}
        </span>
        <span className="flex gap-4">
          {page > 1 && (
            <Link className="font-medium text-brand-700 hover:underline" href={query({ page: String(page - 1) })}>
              Previous
            </Link>
          )}
          {page < list.pageCount && (
            <Link className="font-medium text-brand-700 hover:underline" href={query({ page: String(page + 1) })}>
              Next
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
