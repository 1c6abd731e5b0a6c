import type { Metadata } from "next";
import { TicketFilters, TicketsPager } from "@/components/tickets/ticket-filters";
import { toTicketRows } from "@/components/tickets/ticket-rows";
import { TicketsTable } from "@/components/tickets/tickets-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listTickets, ticketQueueOptions } from "@/lib/tickets/queries";
import { ZTicketSearch } from "@/lib/tickets/search";

export const metadata: Metadata = { title: "Ticket queue" };

export default async function TicketQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("tickets.handle");
  const { page, ...search } = parseSearchParams(ZTicketSearch, await searchParams);
  const [listing, { partners }] = await Promise.all([
    listTickets(db(), actor, { status: search.status, category: search.category, partnerId: search.partner, page }),
    ticketQueueOptions(db(), actor),
  ]);
  return (
    <>
      <PageHeader title="Ticket queue" description="Partners' support requests, the longest waiting first." />
      <TicketFilters search={search} counts={listing.counts} partners={partners} />
      <TicketsTable rows={toTicketRows(listing.tickets)} hrefBase="/admin/tickets" caption="Support tickets" isQueue />
      <TicketsPager search={search} listing={listing} />
    </>
  );
}
