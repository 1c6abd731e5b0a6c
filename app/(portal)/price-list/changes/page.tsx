import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { z } from "zod";
import { PriceChangesTable } from "@/components/pricing/price-changes-table";
import { PriceListTierNav } from "@/components/pricing/price-list-tier-nav";
import { Button, buttonClassName, EmptyState, FormField, PageHeader, Select } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { priceListChanges } from "@/lib/pricing/price-changes-view";
import { ZTierCode } from "@/lib/pricing/schemas";

// Values of the wrong shape show the default comparison; a well-formed id of another tier is a 404.
const ZSearch = z.object({
  tier: ZTierCode.optional().catch(undefined),
  from: ZId.optional().catch(undefined),
  to: ZId.optional().catch(undefined),
});

export const metadata: Metadata = { title: "What changed in the price list" };

export default async function PriceChangesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pricelist.view");
  const search = parseSearchParams(ZSearch, await searchParams);
  const { tiers, tier, versions, from, to, changes } = await orNotFound(
    priceListChanges(db(), actor, { tierCode: search.tier, from: search.from, to: search.to }),
  );
  const tierNav = (
    <PriceListTierNav tiers={tiers} currentId={tier.id} href={(code) => `/price-list/changes?tier=${code}`} />
  );
  const versionSelect = (name: "from" | "to", label: string, selected: string) => (
    <FormField label={label} className="min-w-56">
      {(field) => (
        <Select {...field} name={name} defaultValue={selected}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {formatDate(v.validFrom)} · {v.name}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
  if (!from || !to) {
    return (
      <>
        <PageHeader title={`What changed: ${tier.name}`} />
        {tierNav}
        <EmptyState
          title="Nothing to compare yet"
          description={`${tier.name} has ${versions.length ? "a single version" : "no price list"}. When a new version is published, its changes show here.`}
        />
      </>
    );
  }
  const csv = `/api/price-lists/${tier.code}/changes?from=${from.id}&to=${to.id}`;
  return (
    <>
      <PageHeader
        title={`What changed: ${tier.name}`}
        description={`Every ${tier.name} price that rose, fell, appeared or was withdrawn from the version in force from ${formatDate(from.validFrom)} to the one in force from ${formatDate(to.validFrom)}. Prices in ${to.currency}, excluding VAT.`}
        actions={
          <a href={csv} download className={buttonClassName("secondary")}>
            <Download aria-hidden className="size-4" />
            Download CSV
          </a>
        }
      />
      {tierNav}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <input type="hidden" name="tier" value={tier.code} />
        {versionSelect("from", "From version", from.id)}
        {versionSelect("to", "To version", to.id)}
        <Button type="submit" variant="secondary">
          Compare
        </Button>
        <Link
          href={`/price-list?tier=${tier.code}`}
          className="self-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          Back to the price list
        </Link>
      </form>
      <PriceChangesTable changes={changes} caption={`${tier.name} price changes`} />
    </>
  );
}
