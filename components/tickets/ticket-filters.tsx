import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StatusTabs } from "@/components/ui/filter-tab";
import { Pagination } from "@/components/ui/pagination";
import { SelectFilter } from "@/components/ui/select-filter";
import type { TicketCategory, TicketStatus } from "@/lib/db/generated/enums";
import { formatPageSummary } from "@/lib/format";
import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABEL,
  TICKET_STATUSES,
  TICKET_STATUS_LABEL,
} from "@/lib/tickets/categories";

export interface TicketSearch {
  status?: TicketStatus;
  category?: TicketCategory;
  partner?: string;
}

interface TicketFiltersProps {
  search: TicketSearch;
  counts: Record<TicketStatus, number>;
  /** Only support filters by partner. */
  partners?: { id: string; name: string }[];
}

/** The list's URL with these filters (and page): every view of the list is a link. */
function ticketListHref(search: TicketSearch, next: Partial<Record<keyof TicketSearch | "page", string>>) {
  return `?${new URLSearchParams(Object.entries({ ...search, ...next }).filter(([, v]) => v) as [string, string][])}`;
}

/** Status tabs with counts, and category (and partner) filters, as links and a GET form: every view has a URL. */
export function TicketFilters({ search, counts, partners }: TicketFiltersProps) {
  return (
    <>
      <StatusTabs
        statuses={TICKET_STATUSES}
        labelOf={(s) => TICKET_STATUS_LABEL[s]}
        counts={counts}
        active={search.status}
        hrefOf={(status) => ticketListHref(search, { status })}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filters">
        {search.status && <input type="hidden" name="status" value={search.status} />}
        <SelectFilter
          label="Category"
          name="category"
          value={search.category}
          allLabel="All categories"
          options={TICKET_CATEGORIES.map((c) => ({ value: c, label: TICKET_CATEGORY_LABEL[c] }))}
        />
        {partners && (
          <SelectFilter
            label="Partner"
            name="partner"
            value={search.partner}
            allLabel="All partners"
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {(search.category || search.partner) && (
          <Link
            href={ticketListHref(search, { category: "", partner: "" })}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Clear
          </Link>
        )}
      </form>
    </>
  );
}

/** The pages of the list, as links that keep the filters. */
export function TicketsPager({
  search,
  listing,
}: {
  search: TicketSearch;
  listing: { total: number; page: number; pageCount: number };
}) {
  const { total, page, pageCount } = listing;
  return (
    <Pagination
      summary={formatPageSummary(total, "ticket", page, pageCount)}
      page={page}
      pageCount={pageCount}
      hrefOf={(p) => ticketListHref(search, { page: String(p) })}
    />
  );
}
