import type { Metadata } from "next";
import { OpenTicketForm } from "@/components/tickets/open-ticket-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { ticketFormOptions } from "@/lib/tickets/form-options";
import { ZNewTicketSearch } from "@/lib/tickets/search";

export const metadata: Metadata = { title: "Open a ticket" };

// Other flows link here prefilled: /tickets/new?category=CNAM&pbx=<id>&numbers=<id>,<id> (or &allNumbers=1)
export default async function NewTicketPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("tickets.use");
  const search = parseSearchParams(ZNewTicketSearch, await searchParams);
  const options = await ticketFormOptions(db(), actor, search.pbx, search.numbers);
  const pbxId = options.pbxs.some((p) => p.id === search.pbx) ? search.pbx : undefined;
  const numberIds = options.numbers.map((n) => n.id);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Support tickets", href: "/tickets" }, { label: "Open a ticket" }]}
        title="Open a ticket"
        description="Support answers here and by e-mail."
      />
      <OpenTicketForm
        pbxs={options.pbxs}
        senderIdCountries={options.senderIdCountries}
        defaults={{
          category: search.category,
          pbxId,
          numberIds,
          allNumbers: Boolean(pbxId) && search.allNumbers,
          subject: search.subject ?? "",
        }}
      />
    </>
  );
}
