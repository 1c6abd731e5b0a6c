import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney } from "@/lib/format";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { currentPriceList } from "@/lib/pricing/current-price-list";
import { z } from "zod";

// A tier code of the wrong shape shows the default tier; a well-formed unknown one is a 404.
const ZSearch = z.object({ tier: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/).optional().catch(undefined) });

export const metadata: Metadata = { title: "Price list" };

const NUMBER_TYPE_LABEL = { GEOGRAPHIC: "Geographic DID", MOBILE: "Mobile DID", FREEPHONE: "FreePhone" } as const;
const SOURCE_LABEL = { FIXED: "Fixed", MOBILE: "Mobile", PAYPHONE: "Payphone" } as const;

function PriceTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: React.ReactNode[][] }) {
  return (
    <section className="mt-8" aria-label={caption}>
      <h2 className="mb-3 text-lg font-semibold text-foreground">{caption}</h2>
      <div className="overflow-x-auto rounded-card border border-neutral-200 bg-surface">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              {headers.map((h, i) => (
                <th key={h} scope="col" className={`px-4 py-3 font-medium ${i > 0 ? "text-right" : ""}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((cells, r) => (
              <tr key={r}>
                {cells.map((cell, i) => (
                  <td key={i} className={`px-4 py-2.5 ${i > 0 ? "text-right tabular-nums" : ""}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default async function PriceListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pricelist.view");
  const { priceList, tiers } = await orNotFound(currentPriceList(db(), actor, parseSearchParams(ZSearch, await searchParams).tier));
  if (!priceList) {
    return (
      <>
        <PageHeader title="Price list" />
        <EmptyState title="No price list in force" description="No price list is valid today for this tier. Contact CLASSOUND support." />
      </>
    );
  }
  const money = (value: { toString(): string }, digits = 2) => formatMoney(value.toString(), priceList.currency, digits);
  return (
    <>
      <PageHeader
        title={`Price list: ${priceList.tier.name}`}
        description={`${priceList.name} · valid from ${formatDate(priceList.validFrom)} · prices in ${priceList.currency}, excluding VAT`}
      />
      {tiers.length > 1 && (
        <nav aria-label="Price-list tier" className="flex flex-wrap gap-2">
          {tiers.map((tier) => (
            <Link
              key={tier.id}
              href={`?tier=${tier.code}`}
              aria-current={tier.id === priceList.tierId ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm font-medium ${tier.id === priceList.tierId ? "border-brand-700 bg-brand-700 text-white" : "border-neutral-300 text-neutral-700 hover:bg-neutral-100"}`}
            >
              {tier.name}
            </Link>
          ))}
        </nav>
      )}
      <PriceTable
        caption="Monthly flat fee per user (R4)"
        headers={["SKU and band", "Users", "Per user / month"]}
        rows={priceList.flatFeeBands.map((b) => [
          <span key="d"><span className="font-mono text-xs">{b.sku}</span><br />{b.description}</span>,
          b.maxUsers ? `${b.minUsers}–${b.maxUsers}` : `${b.minUsers}+`,
          money(b.pricePerUser),
        ])}
      />
      <PriceTable
        caption="Call termination areas (per minute, billed per second)"
        headers={["Area", "Per minute"]}
        rows={[
          ...priceList.areaRates.map((a) => [`Area ${a.area}`, money(a.perMinute, 4)]),
          ["SMS beyond the 200 included per user", money(priceList.smsRate, 4)],
        ]}
      />
      <PriceTable
        caption="Numbers"
        headers={["Country and type", "Setup", "Monthly"]}
        rows={priceList.numberPrices.map((p) => [`${p.country.name} · ${NUMBER_TYPE_LABEL[p.type]}`, money(p.setupFee), money(p.monthlyFee)])}
      />
      <PriceTable
        caption="FreePhone inbound (per minute, by caller's source)"
        headers={["Country and source", "Per minute"]}
        rows={priceList.freephoneRates.map((r) => [`${r.country.name} · ${SOURCE_LABEL[r.source]}`, money(r.perMinute, 4)])}
      />
    </>
  );
}
