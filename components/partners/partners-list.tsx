import Link from "next/link";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterPanel } from "@/components/ui/filter-panel";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { SelectFilter } from "@/components/ui/select-filter";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { formatDate, formatNumber, formatPageSummary } from "@/lib/format";
import { AGREEMENT_STATUSES, type PartnerRow, type TPartnerSearch, type TPartnerSortKey } from "@/lib/partners/list";
import { AGREEMENT_STATUS, AgreementBadge } from "./labels";

type Search = Omit<TPartnerSearch, "page">;

const BASE = "/admin/partners";

function hrefOf(search: Search, next: Partial<Record<keyof TPartnerSearch, string | undefined>>) {
  const merged: Record<string, string | number | undefined> = { ...search, ...next };
  const params = Object.entries(merged).filter(([key, value]) => value && !(key === "page" && value === "1"));
  return params.length ? `${BASE}?${new URLSearchParams(params.map(([k, v]) => [k, String(v)]))}` : BASE;
}

// A GET form: the filters live in the URL (shareable, the back button works) and apply on submit.
export function PartnerFilters({ search, tiers }: { search: Search; tiers: { code: string; name: string }[] }) {
  return (
    <form
      method="get"
      action={BASE}
      role="search"
      aria-label="Filter partners"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {search.sort && <input type="hidden" name="sort" value={search.sort} />}
      <FilterPanel activeCount={[search.q, search.tier, search.status].filter(Boolean).length}>
        <FormField label="Name, VAT number or e-mail" className="w-full sm:w-72">
          {(field) => <Input {...field} name="q" type="search" defaultValue={search.q ?? ""} maxLength={120} />}
        </FormField>
        <SelectFilter
          className="w-full sm:w-44"
          label="Tier"
          name="tier"
          value={search.tier}
          allLabel="All tiers"
          options={tiers.map((t) => ({ value: t.code, label: t.name }))}
        />
        <SelectFilter
          className="w-full sm:w-44"
          label="Agreement"
          name="status"
          value={search.status}
          allLabel="Any status"
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: AGREEMENT_STATUS[s].label }))}
        />
        <div className="flex flex-wrap items-center gap-3">
          <FilterActions clearHref={search.q || search.tier || search.status ? BASE : undefined} />
        </div>
      </FilterPanel>
    </form>
  );
}

const COLUMNS: { key: TPartnerSortKey | null; label: string; align?: "right" }[] = [
  { key: "name", label: "Partner" },
  { key: "tier", label: "Tier" },
  { key: "status", label: "Agreement" },
  { key: "customers", label: "Customers", align: "right" },
  { key: null, label: "PBXs", align: "right" },
  { key: "onboarded", label: "Onboarded", align: "right" },
];

/** A column heading that sorts the list on the server: a link to the same view sorted by it, the other way on a second click. */
function SortHeader({ column, search }: { column: (typeof COLUMNS)[number]; search: Search }) {
  const className = "px-4 py-3 font-medium";
  if (!column.key)
    return (
      <th scope="col" className={`${className} ${column.align === "right" ? "text-right" : ""}`}>
        {column.label}
      </th>
    );
  const current = search.sort ?? "name";
  const active = current.replace(/^-/, "") === column.key;
  const descending = active && current.startsWith("-");
  const Icon = !active ? ChevronsUpDown : descending ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
      className={`${className} ${column.align === "right" ? "text-right" : ""}`}
    >
      <Link
        href={hrefOf(search, { sort: active && !descending ? `-${column.key}` : column.key, page: undefined })}
        className={`-mx-2 inline-flex items-center gap-1 rounded-control px-2 py-1 uppercase hover:bg-neutral-200/70 hover:text-foreground ${column.align === "right" ? "flex-row-reverse" : ""}`}
      >
        {column.label}
        <span className="sr-only">{active ? `, sorted ${descending ? "descending" : "ascending"}` : ", sort"}</span>
        <Icon aria-hidden="true" className={`size-3.5 ${active ? "" : "text-neutral-500"}`} />
      </Link>
    </th>
  );
}

/** A page of partner companies, sorted and paged on the server: every view has a URL. */
export function PartnersList({
  listing,
  search,
}: {
  listing: { rows: PartnerRow[]; total: number; page: number; pageCount: number };
  search: Search;
}) {
  const { rows, total, page, pageCount } = listing;
  const filtered = Boolean(search.q || search.tier || search.status);
  if (rows.length === 0)
    return (
      <div className="rounded-card border border-border bg-surface">
        <EmptyState
          title={filtered ? "No partner matches these filters" : "No partners yet"}
          description={
            filtered
              ? "Clear a filter or search for another name, VAT number or e-mail."
              : "Onboard the first partner company: its partner admin receives a link to choose a password."
          }
          action={
            filtered ? (
              <Button asChild variant="secondary">
                <Link href={BASE}>Clear filters</Link>
              </Button>
            ) : (
              <Button asChild>
                <Link href={`${BASE}/new`}>Onboard a partner</Link>
              </Button>
            )
          }
        />
      </div>
    );
  return (
    <>
      <TableScrollRegion label="Partners">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Partners</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs tracking-wide text-muted-foreground uppercase">
            <tr>
              {COLUMNS.map((column) => (
                <SortHeader key={column.label} column={column} search={search} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((p) => (
              <tr key={p.id} className="align-top">
                <td className="min-w-56 px-4 py-2.5">
                  <Link href={`${BASE}/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  <span className="block text-xs break-all text-muted-foreground">
                    {p.countryName}
                    {p.vatNumber ? ` · ${p.vatNumber}` : ""} · {p.billingEmail}
                  </span>
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap">{p.tier.name}</td>
                <td className="px-4 py-2.5">
                  <AgreementBadge status={p.agreementStatus} />
                </td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(p.customers)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(p.pbxs)}</td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap">{formatDate(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
      <Pagination
        summary={formatPageSummary(total, "partner", page, pageCount)}
        page={page}
        pageCount={pageCount}
        hrefOf={(p) => hrefOf(search, { page: String(p) })}
      />
    </>
  );
}
