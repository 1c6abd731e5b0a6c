import type { Metadata } from "next";
import Link from "next/link";
import { CustomersTable } from "@/components/customers/customers-table";
import { NewCustomerDialog } from "@/components/customers/new-customer-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterTab } from "@/components/ui/filter-tab";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { EXPIRY_NOTICE_DAYS } from "@/lib/activations/compliance-profile";
import { activationCountries } from "@/lib/activations/countries";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { CUSTOMER_SORTS, listCustomers, ZCustomerListSearch, type TCustomerSort } from "@/lib/customers/list-customers";
import { db } from "@/lib/db/client";
import { formatNumber, formatPageSummary } from "@/lib/format";
import { parseSearchParams, searchEnum, type RawSearchParams } from "@/lib/http/search-params";

// `attention=1` is the older link to the documents to renew (mails and the partner's dashboard send it).
const ZSearch = ZCustomerListSearch.extend({ attention: searchEnum(["1"]) });

export const metadata: Metadata = { title: "Customers" };

const SORT_LABEL: Record<TCustomerSort, string> = {
  name: "Name (A–Z)",
  partner: "Partner (A–Z)",
  country: "Country (A–Z)",
  pbxs: "Most PBXs",
  services: "Most active services",
  numbers: "Most numbers",
};

const linkClass = "text-sm font-medium text-brand-700 hover:underline";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("compliance.view");
  const { attention, ...search } = parseSearchParams(ZSearch, await searchParams);
  if (attention && !search.view) search.view = "attention";
  const canManage = canChange(actor, "customers.manage");
  const showPartner = can(actor, "partners.view_all");
  const [list, countries] = await Promise.all([
    listCustomers(db(), actor, search),
    canManage ? activationCountries(db()) : [],
  ]);
  const { rows, total, page, pageCount, sort, dir, view, counts } = list;
  // Every link keeps the search; a new view or sort starts again at page 1.
  const hrefWith = (next: Partial<Record<"q" | "view" | "sort" | "dir" | "page", string | undefined>>) => {
    const params = {
      q: search.q,
      view: view === "active" ? undefined : view,
      sort: search.sort,
      dir: search.dir,
      ...next,
    };
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
    return `/customers${query.size ? `?${query}` : ""}`;
  };
  const sortHref = (key: TCustomerSort) =>
    hrefWith({ sort: key, dir: key === sort ? (dir === "asc" ? "desc" : "asc") : undefined, page: undefined });
  const viewHref = (next: "active" | "attention" | "archived") =>
    hrefWith({ view: next === "active" ? undefined : next, page: undefined });
  const sorts = (Object.keys(CUSTOMER_SORTS) as TCustomerSort[]).filter((key) => key !== "partner" || showPartner);
  const addButton = canManage ? <NewCustomerDialog countries={countries} /> : undefined;

  return (
    <>
      <PageHeader
        title="Customers"
        description={`Each customer with its PBXs, CLASSOUND services and numbers. Open one to edit its details and legal entity, see its documents (flagged ${EXPIRY_NOTICE_DAYS} days before they expire), register a PBX, or archive it.`}
        actions={addButton}
      />
      <form role="search" action="/customers" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-56 sm:max-w-sm">
          <label htmlFor="customer-search" className="mb-1 block text-sm font-medium text-foreground">
            Search customers
          </label>
          <Input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={search.q}
            placeholder="Name, legal name, VAT number or contact"
            maxLength={100}
          />
        </div>
        {/* Phones have no column headings to sort by: the order is chosen here. */}
        <div className="basis-full sm:hidden">
          <label htmlFor="customer-sort" className="mb-1 block text-sm font-medium text-foreground">
            Order
          </label>
          <Select id="customer-sort" name="sort" defaultValue={sort}>
            {sorts.map((key) => (
              <option key={key} value={key}>
                {SORT_LABEL[key]}
              </option>
            ))}
          </Select>
        </div>
        {view !== "active" && <input type="hidden" name="view" value={view} />}
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {search.q && (
          <Link href={hrefWith({ q: undefined, page: undefined })} className={linkClass}>
            Clear the search
          </Link>
        )}
      </form>
      <nav aria-label="Filter customers" className="mb-4 flex flex-wrap gap-2">
        <FilterTab href={viewHref("active")} active={view === "active"}>
          Active <span className="tabular-nums">({formatNumber(counts.active)})</span>
        </FilterTab>
        <FilterTab href={viewHref("attention")} active={view === "attention"}>
          Documents to renew <span className="tabular-nums">({formatNumber(counts.attention)})</span>
        </FilterTab>
        <FilterTab href={viewHref("archived")} active={view === "archived"}>
          Archived <span className="tabular-nums">({formatNumber(counts.archived)})</span>
        </FilterTab>
      </nav>
      {rows.length === 0 ? (
        <div className="rounded-card border border-border bg-surface">
          <EmptyState
            title={
              search.q
                ? "No customer matches"
                : view === "archived"
                  ? "No archived customers"
                  : view === "attention"
                    ? "Nothing to renew"
                    : "No customers yet"
            }
            description={
              search.q
                ? `Nothing matches “${search.q}” in the names, legal names, VAT numbers or contacts${view === "archived" ? " of archived customers" : ""}.`
                : view === "archived"
                  ? "A customer without services can be archived from its page; it then waits here, out of the lists."
                  : view === "attention"
                    ? `No document expires in the next ${EXPIRY_NOTICE_DAYS} days.`
                    : canManage
                      ? "Add a customer with the button above, then register its PBXs and activate CLASSOUND on them."
                      : "Customers appear here once partners register them."
            }
          />
        </div>
      ) : (
        <>
          <CustomersTable rows={rows} showPartner={showPartner} sort={sort} dir={dir} sortHref={sortHref} />
          <Pagination
            summary={formatPageSummary(total, "customer", page, pageCount)}
            page={page}
            pageCount={pageCount}
            hrefOf={(p) => hrefWith({ page: p > 1 ? String(p) : undefined })}
          />
        </>
      )}
    </>
  );
}
