import type { Metadata } from "next";
import Link from "next/link";
import { PriceListTierNav } from "@/components/pricing/price-list-tier-nav";
import { Download } from "lucide-react";
import { PriceListBrowser } from "@/components/pricing/price-list-browser";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClassName } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { catalogueInForce } from "@/lib/pricing/catalogue";
import { priceListSectionsForDisplay } from "@/lib/pricing/documents/sections";
import { ZTierCode } from "@/lib/pricing/schemas";
import { z } from "zod";

// A tier code of the wrong shape shows the default tier; a well-formed one the actor may not see is a 404.
const ZSearch = z.object({ tier: ZTierCode.optional().catch(undefined) });

export const metadata: Metadata = { title: "Price list" };

export default async function PriceListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pricelist.view");
  const { tiers, tier, catalogue } = await orNotFound(
    catalogueInForce(db(), actor, parseSearchParams(ZSearch, await searchParams).tier),
  );
  const tierNav = <PriceListTierNav tiers={tiers} currentId={tier?.id} href={(code) => `?tier=${code}`} />;
  if (!tier || !catalogue) {
    return (
      <>
        <PageHeader title="Price list" />
        {tierNav}
        <EmptyState
          title="No price list in force"
          description="No price list is valid today for this tier. Contact CLASSOUND support."
        />
      </>
    );
  }
  const download = (format: "pdf" | "xlsx", label: string) => (
    <a
      href={`/api/price-lists/${tier.code}/${format}`}
      download
      className={buttonClassName(format === "pdf" ? "primary" : "secondary")}
    >
      <Download aria-hidden className="size-4" />
      {label}
    </a>
  );
  return (
    <>
      <PageHeader
        title={`Price list: ${catalogue.tier.name}`}
        description={`${catalogue.name} · in force from ${formatDate(catalogue.validFrom)} · prices in ${catalogue.currency}, excluding VAT`}
        actions={
          <>
            {download("pdf", "Download PDF")}
            {download("xlsx", "Download Excel")}
            <Link href={`/price-list/changes?tier=${tier.code}`} className={buttonClassName("ghost")}>
              What changed
            </Link>
          </>
        }
      />
      {tierNav}
      <PriceListBrowser sections={priceListSectionsForDisplay(catalogue)} />
    </>
  );
}
