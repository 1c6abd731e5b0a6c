import Link from "next/link";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterPanel } from "@/components/ui/filter-panel";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { SelectFilter } from "@/components/ui/select-filter";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { INVOICE_STATUSES, type InvoiceRow, type TInvoiceSearch, type TInvoiceSortKey } from "@/lib/billing/queries";
import { formatDate, formatMoney, formatPageSummary } from "@/lib/format";
import { INVOICE_STATUS, InvoiceStatusBadge, monthLabel } from "./labels";

type Search = Omit<TInvoiceSearch, "page">;

function hrefOf(base: string, search: Search, next: Partial<Record<keyof TInvoiceSearch, string | undefined>>) {
  const merged: Record<string, string | number | undefined> = { ...search, ...next };
  const params = Object.entries(merged).filter(([key, value]) => value && !(key === "page" && value === "1"));
  return params.length ? `${base}?${new URLSearchParams(params.map(([k, v]) => [k, String(v)]))}` : base;
}

const isFiltered = (search: Search) => Boolean(search.q || search.status || search.month || search.partner);

/**
 * The list's filters as a GET form: they live in the URL (shareable, the back button works). A
 * partner sees issued invoices only, so it is offered no "Draft".
 */
export function InvoiceFilters({ base, search, isAdmin }: { base: string; search: Search; isAdmin: boolean }) {
  const statuses = INVOICE_STATUSES.filter((s) => s !== "VOID" && (isAdmin || s !== "DRAFT"));
  return (
    <form
      method="get"
      action={base}
      role="search"
      aria-label="Filter invoices"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {search.sort && <input type="hidden" name="sort" value={search.sort} />}
      {search.partner && <input type="hidden" name="partner" value={search.partner} />}
      <FilterPanel activeCount={[search.q, search.status, search.month].filter(Boolean).length}>
        <FormField label={isAdmin ? "Number or partner" : "Invoice number"} className="w-full sm:w-64">
          {(field) => <Input {...field} name="q" type="search" defaultValue={search.q ?? ""} maxLength={100} />}
        </FormField>
        <SelectFilter
          className="w-full sm:w-40"
          label="Status"
          name="status"
          value={search.status}
          allLabel="Any status"
          options={statuses.map((s) => ({ value: s, label: INVOICE_STATUS[s].label }))}
        />
        <FormField label="Month" className="w-full sm:w-44">
          {(field) => <Input {...field} name="month" type="month" defaultValue={search.month ?? ""} />}
        </FormField>
        <div className="flex flex-wrap items-center gap-3">
          <FilterActions clearHref={isFiltered(search) ? base : undefined} />
        </div>
      </FilterPanel>
    </form>
  );
}

type ColumnKey = TInvoiceSortKey | null;
const COLUMNS: { key: ColumnKey; label: string; align?: "right"; adminOnly?: boolean }[] = [
  { key: "number", label: "Invoice" },
  { key: "partner", label: "Partner", adminOnly: true },
  { key: "period", label: "Month" },
  { key: "status", label: "Status" },
  { key: "total", label: "Total", align: "right" },
  { key: "due", label: "Due", align: "right" },
];

function SortHeader({ base, column, search }: { base: string; column: (typeof COLUMNS)[number]; search: Search }) {
  const current = search.sort ?? "-period";
  const active = current.replace(/^-/, "") === column.key;
  const descending = active && current.startsWith("-");
  const Icon = !active ? ChevronsUpDown : descending ? ArrowDown : ArrowUp;
  const right = column.align === "right";
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
      className={`px-4 py-3 font-medium ${right ? "text-right" : ""}`}
    >
      <Link
        href={hrefOf(base, search, { sort: active && !descending ? `-${column.key}` : column.key!, page: undefined })}
        className={`-mx-2 inline-flex items-center gap-1 rounded-control px-2 py-1 uppercase hover:bg-neutral-200/70 hover:text-foreground ${right ? "flex-row-reverse" : ""}`}
      >
        {column.label}
        <span className="sr-only">{active ? `, sorted ${descending ? "descending" : "ascending"}` : ", sort"}</span>
        <Icon aria-hidden="true" className={`size-3.5 ${active ? "" : "text-neutral-500"}`} />
      </Link>
    </th>
  );
}

/** A page of invoices, sorted and paged on the server; each row links to the invoice's page (`detailHref`). */
export function InvoicesList({
  base,
  detailBase,
  listing,
  search,
  isAdmin,
  empty,
}: {
  base: string;
  detailBase: string;
  listing: { rows: InvoiceRow[]; total: number; page: number; pageCount: number };
  search: Search;
  isAdmin: boolean;
  empty: { title: string; description: string };
}) {
  const { rows, total, page, pageCount } = listing;
  if (rows.length === 0)
    return (
      <div className="rounded-card border border-border bg-surface">
        <EmptyState
          title={isFiltered(search) ? "No invoice matches these filters" : empty.title}
          description={isFiltered(search) ? "Clear a filter or look for another number." : empty.description}
          action={
            isFiltered(search) ? (
              <Link href={base} className="text-sm font-medium text-brand-700 hover:underline">
                Clear filters
              </Link>
            ) : undefined
          }
        />
      </div>
    );
  const columns = COLUMNS.filter((c) => isAdmin || !c.adminOnly);
  return (
    <>
      <TableScrollRegion label="Invoices">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Invoices</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs tracking-wide text-muted-foreground uppercase">
            <tr>
              {columns.map((column) => (
                <SortHeader key={column.label} base={base} column={column} search={search} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((invoice) => (
              <tr key={invoice.id} className="align-top">
                <td className="px-4 py-2.5 whitespace-nowrap">
                  <Link href={`${detailBase}/${invoice.id}`} className="font-medium text-brand-700 hover:underline">
                    {invoice.number ?? (
                      <>
                        Draft
                        <span className="sr-only">
                          {" "}
                          of {invoice.partnerName}, {monthLabel(invoice.month)}
                        </span>
                      </>
                    )}
                  </Link>
                </td>
                {isAdmin && <td className="min-w-48 px-4 py-2.5">{invoice.partnerName}</td>}
                <td className="px-4 py-2.5 whitespace-nowrap">{monthLabel(invoice.month)}</td>
                <td className="px-4 py-2.5">
                  <InvoiceStatusBadge status={invoice.status} />
                </td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">
                  {formatMoney(invoice.total, invoice.currency)}
                </td>
                <td className="px-4 py-2.5 text-right whitespace-nowrap">{formatDate(invoice.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
      <Pagination
        summary={formatPageSummary(total, "invoice", page, pageCount)}
        page={page}
        pageCount={pageCount}
        hrefOf={(p) => hrefOf(base, search, { page: String(p) })}
      />
    </>
  );
}
