import type { Metadata } from "next";
import Link from "next/link";
import { PartnerFilters, PartnersList } from "@/components/partners/partners-list";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listPartners, priceListTierOptions, ZPartnerSearch } from "@/lib/partners/list";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("partners.manage");
  const { page, ...search } = parseSearchParams(ZPartnerSearch, await searchParams);
  const [listing, tiers] = await Promise.all([
    listPartners(db(), actor, { ...search, page }),
    priceListTierOptions(db(), actor),
  ]);
  return (
    <>
      <PageHeader
        title="Partners"
        description="The partner companies, their price-list tier and agreement, with their customers and PBXs."
        actions={
          <Button asChild>
            <Link href="/admin/partners/new">Onboard a partner</Link>
          </Button>
        }
      />
      <PartnerFilters search={search} tiers={tiers} />
      <PartnersList listing={listing} search={search} />
    </>
  );
}
