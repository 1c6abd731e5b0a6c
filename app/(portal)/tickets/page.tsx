import type { Metadata } from "next";
import Link from "next/link";
import { TicketFilters, TicketsPager } from "@/components/tickets/ticket-filters";
import { toTicketRows } from "@/components/tickets/ticket-rows";
import { TicketsTable } from "@/components/tickets/tickets-table";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listTickets } from "@/lib/tickets/queries";
import { ZTicketSearch } from "@/lib/tickets/search";

export const metadata: Metadata = { title: "Support tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("tickets.use");
  const { page, ...search } = parseSearchParams(ZTicketSearch.omit({ partner: true }), await searchParams);
  const listing = await listTickets(db(), actor, { ...search, page });
  return (
    <>
      <PageHeader
        title="Support tickets"
        description="Your requests to CLASSOUND support: emergency service, caller names, sender IDs and more."
        actions={
          <Link href="/tickets/new" className={buttonClassName()}>
            Open a ticket
          </Link>
        }
      />
      <TicketFilters search={search} counts={listing.counts} />
      <TicketsTable rows={toTicketRows(listing.tickets)} hrefBase="/tickets" caption="Support tickets" />
      <TicketsPager search={search} listing={listing} />
    </>
  );
}
