import type { Metadata } from "next";
import { PortingList } from "@/components/porting/porting-list";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SelectFilter } from "@/components/ui/select-filter";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listPortingRequests, portingQueuePartners } from "@/lib/porting/queries";
import { ZPortingSearch } from "@/lib/porting/search";

export const metadata: Metadata = { title: "Porting queue" };

export default async function PortingQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("porting.handle");
  const search = parseSearchParams(ZPortingSearch, await searchParams);
  const [listing, partners] = await Promise.all([
    listPortingRequests(db(), actor, { ...search, partnerId: search.partner }),
    portingQueuePartners(db(), actor),
  ]);
  return (
    <>
      <PageHeader
        title="Porting queue"
        description="Port-in requests from partners, oldest first. Take one in hand, schedule the switch, then complete it once the numbers have moved."
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filters">
        {search.status && <input type="hidden" name="status" value={search.status} />}
        <SelectFilter
          label="Partner"
          name="partner"
          value={search.partner}
          allLabel="All partners"
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Button type="submit" variant="secondary">
          Apply filter
        </Button>
      </form>
      <PortingList listing={listing} search={search} hrefBase="/admin/porting" isQueue />
    </>
  );
}
