import type { Metadata } from "next";
import { QueueFilters } from "@/components/activations/queue-filters";
import { RequestsTable } from "@/components/activations/requests-table";
import { ACTIVATION_STATUS } from "@/components/activations/status-badge";
import { PageHeader } from "@/components/ui/page-header";
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

// What waits for a decision is the default view; "all" and each status are one click away.
const AWAITING: readonly ActivationStatus[] = ["SUBMITTED", "IN_REVIEW"];
const ZSearch = z.object({
  status: searchEnum(["all", ...QUEUE_STATUSES] as ["all", ...ActivationStatus[]]),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  partner: ZId.optional().catch(undefined),
});
type Search = z.output<typeof ZSearch>;

export default async function ActivationQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("activation.review");
  const search = parseSearchParams(ZSearch, await searchParams);
  const { status } = search;
  const statuses = status === "all" ? undefined : status ? [status] : AWAITING;
  const filters = { statuses, countryCode: search.country, partnerId: search.partner };
  const [{ requests, counts }, { countries, partners }] = await Promise.all([
    listActivationRequests(db(), actor, filters),
    activationQueueFilterOptions(db(), actor),
  ]);
  const href = (next: { [K in keyof Search]?: string }) => {
    const params = new URLSearchParams(
      Object.entries({ ...search, ...next }).filter(([, v]) => v) as [string, string][],
    );
    return `?${params}`;
  };

  return (
    <>
      <PageHeader
        title="Activation queue"
        description="Requests, oldest submission first. Submitted and in-review requests wait for a decision."
      />
      <nav aria-label="Status" className="mb-4 flex flex-wrap gap-2">
        <FilterTab href={href({ status: "" })} active={!status}>
          Awaiting decision <span className="tabular-nums">({AWAITING.reduce((n, s) => n + counts[s], 0)})</span>
        </FilterTab>
        <FilterTab href={href({ status: "all" })} active={status === "all"}>
          All <span className="tabular-nums">({QUEUE_STATUSES.reduce((n, s) => n + counts[s], 0)})</span>
        </FilterTab>
        {QUEUE_STATUSES.map((s) => (
          <FilterTab key={s} href={href({ status: s })} active={status === s}>
            {ACTIVATION_STATUS[s].label} <span className="tabular-nums">({counts[s]})</span>
          </FilterTab>
        ))}
      </nav>
      <QueueFilters
        status={status}
        country={search.country}
        partner={search.partner}
        countries={countries}
        partners={partners}
        clearHref={search.country || search.partner ? href({ country: "", partner: "" }) : undefined}
      />
      <RequestsTable
        rows={toRequestRows(requests)}
        hrefBase="/admin/activations"
        showPartner
        caption="Activation requests"
      />
    </>
  );
}
