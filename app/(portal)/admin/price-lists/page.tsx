import type { Metadata } from "next";
import { z } from "zod";
import { PriceEditForm } from "@/components/pricing/price-edit-form";
import { PriceListImport } from "@/components/pricing/price-list-import";
import { PriceListTierNav } from "@/components/pricing/price-list-tier-nav";
import { TierVersionsCard } from "@/components/pricing/tier-versions-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { editablePrices } from "@/lib/pricing/import/publish";
import { ZTierCode } from "@/lib/pricing/schemas";
import { priceListVersionsByTier } from "@/lib/pricing/versions";

export const metadata: Metadata = { title: "Price-list versions" };

// The tier whose prices the one-price form lists and the import starts on ("Replace by import" of a
// draft); a code of the wrong shape or unknown shows the first.
const ZSearch = z.object({ tier: ZTierCode.optional().catch(undefined) });

export default async function AdminPriceListsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pricelist.manage");
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const tiers = await priceListVersionsByTier(db(), actor, now);
  const requested = parseSearchParams(ZSearch, await searchParams).tier;
  const editTier = tiers.find((t) => t.code === requested && t.versions.length) ?? tiers.find((t) => t.versions.length);
  const editable = editTier && (await editablePrices(db(), actor, editTier.code));
  return (
    <>
      <PageHeader
        title="Price-list versions"
        description="Every version of each tier's price list, and the drafts waiting to be reviewed. To change prices, export the latest version to Excel, edit it, and import it here as a new version from a date."
      />
      <div className="space-y-6">
        <Card id="import" className="scroll-mt-4">
          <CardHeader>
            <div>
              <CardTitle>Import an edited workbook</CardTitle>
              <CardDescription>
                The workbook is checked cell by cell and compared with the tier&apos;s latest version before anything is
                published. When that is a draft, publishing the import replaces the draft.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <PriceListImport
              key={editTier?.code}
              tiers={tiers.map(({ code, name }) => ({ code, name }))}
              initialTier={editTier?.code}
              today={today}
            />
          </CardContent>
        </Card>
        {editTier && editable && (
          <Card>
            <CardHeader>
              <div>
                <CardTitle>Change one price</CardTitle>
                <CardDescription>
                  For a small change: publishes a copy of {editable.base.name} with this one price changed, as a new
                  version from the date you choose{editable.base.isDraft ? ", replacing that draft" : ""}.
                </CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              <PriceListTierNav
                tiers={tiers.filter((t) => t.versions.length)}
                currentId={editTier.id}
                href={(code) => `/admin/price-lists?tier=${code}`}
              />
              <PriceEditForm
                key={editTier.code}
                tier={{ code: editTier.code, name: editTier.name }}
                prices={editable.prices}
                today={today}
              />
            </CardContent>
          </Card>
        )}
        {tiers.map((tier) => (
          <TierVersionsCard key={tier.id} tier={tier} />
        ))}
      </div>
    </>
  );
}
