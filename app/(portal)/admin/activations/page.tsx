import type { Metadata } from "next";
import Link from "next/link";
import { RequestsTable } from "@/components/activations/requests-table";
import { ACTIVATION_STATUS } from "@/components/activations/status-badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { activationQueueFilterOptions, listActivationRequests } from "@/lib/activations/queries";
import { toRequestRows } from "@/lib/activations/request-rows";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ActivationStatus } from "@/lib/db/generated/enums";
import { FilterTab } from "@/components/ui/filter-tab";
import { ZId } from "@/lib/http/ids";
import { parseSearchParams, searchEnum, type RawSearchParams } from "@/lib/http/search-params";
import { z } from "zod";

export const metadata: Metadata = { title: "Activation queue" };

const QUEUE_STATUSES = (Object.keys(ActivationStatus) as ActivationStatus[]).filter((s) => s !== "DRAFT");

const ZSearch = z.object({
  status: searchEnum(QUEUE_STATUSES as [ActivationStatus, ...ActivationStatus[]]),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  partner: ZId.optional().catch(undefined),
});
type Search = z.output<typeof ZSearch>;

export default async function ActivationQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("activation.review");
  const search = parseSearchParams(ZSearch, await searchParams);
  const { status } = search;
  const filters = { status, countryCode: search.country, partnerId: search.partner };
  const [{ requests, counts }, { countries, partners }] = await Promise.all([
    listActivationRequests(db(), actor, filters),
    activationQueueFilterOptions(db(), actor),
  ]);
  const href = (next: { [K in keyof Search]?: string }) => {
    const params = new URLSearchParams(Object.entries({ ...search, ...next }).filter(([, v]) => v) as [string, string][]);
    return `?${params}`;
  };

  return (
    <>
      <PageHeader title="Activation queue" description="Requests waiting for a decision, oldest submission first." />
      <nav aria-label="Status" className="mb-4 flex flex-wrap gap-2">
        <FilterTab href={href({ status: "" })} active={!status}>
          All open and decided <span className="tabular-nums">({QUEUE_STATUSES.reduce((n, s) => n + counts[s], 0)})</span>
        </FilterTab>
        {QUEUE_STATUSES.map((s) => (
          <FilterTab key={s} href={href({ status: s })} active={status === s}>
            {ACTIVATION_STATUS[s].label} <span className="tabular-nums">({counts[s]})</span>
          </FilterTab>
        ))}
      </nav>
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filters">
        {status && <input type="hidden" name="status" value={status} />}
        <label className="flex flex-col gap-1 text-sm font-medium text-foreground">
          Country
          <Select name="country" defaultValue={search.country ?? ""} className="w-56">
            <option value="">All countries</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-foreground">
          Partner
          <Select name="partner" defaultValue={search.partner ?? ""} className="w-64">
            <option value="">All partners</option>
            {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </label>
        <Button type="submit" variant="secondary">Apply filters</Button>
        {(search.country || search.partner) && <Link href={href({ country: "", partner: "" })} className="text-sm font-medium text-brand-700 hover:underline">Clear</Link>}
      </form>
      <RequestsTable rows={toRequestRows(requests)} hrefBase="/admin/activations" showPartner caption="Activation requests" />
    </>
  );
}
