import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PriceEditForm } from "@/components/pricing/price-edit-form";
import { PriceListImport } from "@/components/pricing/price-list-import";
import { PriceListTierNav } from "@/components/pricing/price-list-tier-nav";
import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@/components/ui";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { editablePrices } from "@/lib/pricing/import/publish";
import { ZTierCode } from "@/lib/pricing/schemas";
import { priceListVersionsByTier } from "@/lib/pricing/versions";

export const metadata: Metadata = { title: "Price-list versions" };

const STATUS_VARIANT = { "in force": "success", upcoming: "info", past: "neutral" } as const;

// The tier whose prices the one-price form lists; a code of the wrong shape or unknown shows the first.
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
        description="Every version of each tier's price list. To change prices, export the latest version to Excel, edit it, and import it here as a new version from a date."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Import an edited workbook</CardTitle>
              <CardDescription>
                The workbook is checked cell by cell and compared with the tier&apos;s latest version before anything is
                published.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <PriceListImport tiers={tiers.map(({ code, name }) => ({ code, name }))} today={today} />
          </CardContent>
        </Card>
        {editTier && editable && (
          <Card>
            <CardHeader>
              <div>
                <CardTitle>Change one price</CardTitle>
                <CardDescription>
                  For a small change: publishes a copy of {editable.base.name} with this one price changed, as a new
                  version from the date you choose.
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
          <Card key={tier.id} aria-labelledby={`tier-${tier.code}`}>
            <CardHeader>
              <CardTitle id={`tier-${tier.code}`}>{tier.name}</CardTitle>
              {tier.versions.length > 1 && (
                <Link
                  href={`/price-list/changes?tier=${tier.code}`}
                  className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  What changed
                </Link>
              )}
            </CardHeader>
            {tier.versions.length === 0 ? (
              <EmptyState title="No version yet" description="This tier has no price list." />
            ) : (
              <CardContent>
                <TableScrollRegion label={`${tier.name} versions`}>
                  <table className="w-full text-sm">
                    <thead className="bg-neutral-50 text-left text-xs font-semibold text-neutral-700 uppercase">
                      <tr>
                        <th scope="col" className="px-3 py-2">
                          Version
                        </th>
                        <th scope="col" className="px-3 py-2">
                          In force from
                        </th>
                        <th scope="col" className="px-3 py-2">
                          Status
                        </th>
                        <th scope="col" className="px-3 py-2">
                          Published
                        </th>
                        <th scope="col" className="px-3 py-2">
                          <span className="sr-only">Downloads</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-neutral-200">
                      {tier.versions.map((v) => (
                        <tr key={v.id}>
                          <th scope="row" className="px-3 py-2 text-left font-medium">
                            {v.name}
                          </th>
                          <td className="px-3 py-2 whitespace-nowrap">{formatDate(v.validFrom)}</td>
                          <td className="px-3 py-2">
                            <Badge variant={STATUS_VARIANT[v.status]}>
                              {v.status === "in force" ? "In force" : v.status === "upcoming" ? "Upcoming" : "Past"}
                            </Badge>
                          </td>
                          <td className="px-3 py-2 whitespace-nowrap">{formatDate(v.createdAt)}</td>
                          <td className="px-3 py-2 whitespace-nowrap text-right">
                            <a
                              href={`/api/price-lists/${tier.code}/xlsx?version=${v.id}`}
                              download
                              className="font-medium text-brand-700 underline-offset-2 hover:underline"
                              aria-label={`Export ${v.name} to Excel`}
                            >
                              Excel
                            </a>
                            <span aria-hidden className="px-1 text-neutral-400">
                              ·
                            </span>
                            <a
                              href={`/api/price-lists/${tier.code}/pdf?version=${v.id}`}
                              download
                              className="font-medium text-brand-700 underline-offset-2 hover:underline"
                              aria-label={`Download ${v.name} as PDF`}
                            >
                              PDF
                            </a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScrollRegion>
              </CardContent>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
