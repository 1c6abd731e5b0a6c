import type { Metadata } from "next";
import { Suspense } from "react";
import { prefetchStatistics } from "@/components/statistics/prefetch-statistics";
import { SmsPerUserSection } from "@/components/statistics/sms-per-user";
import { StatisticsDashboard } from "@/components/statistics/statistics-dashboard";
import { StatisticsFilters } from "@/components/statistics/statistics-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/session";
import { viewZones } from "@/lib/cdr/statistics/context";
import { statisticsFilterOptions } from "@/lib/cdr/statistics/filter-options";
import { ZStatisticsFilters, statisticsQuery, withDatesAsCustom } from "@/lib/cdr/statistics/filters";
import { viewZone, zoneSentence } from "@/lib/cdr/statistics/day-labels";
import { db } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/errors";
import type { RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Statistics" };

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("statistics.view");
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  // A refused filter is an error at its field and no figures: never a silently different selection.
  const parsed = ZStatisticsFilters.safeParse(raw);
  const query = parsed.success ? statisticsQuery(parsed.data) : undefined;
  // The figures are computed while the filter options load, and stream in below the form.
  const prefetched = query === undefined ? undefined : prefetchStatistics(db(), actor, query);
  prefetched?.catch(() => {});
  const [options, zones] = await Promise.all([
    statisticsFilterOptions(db(), actor),
    viewZones(db(), actor, parsed.success ? parsed.data : {}),
  ]);
  const pbxNames = Object.fromEntries(options.pbxs.map((p) => [p.id, p.name]));
  return (
    <>
      <PageHeader
        title="Statistics"
        description={`Calls of the PBXs you can see, by day, hour, area and number. ${zoneSentence(zones)}`}
      />
      <StatisticsFilters
        // A new address (applied, cleared) starts the form from what it says, not from what was typed.
        key={new URLSearchParams(raw as Record<string, string>).toString()}
        values={parsed.success ? parsed.data : withDatesAsCustom(raw)}
        errors={parsed.success ? undefined : fieldErrorsOf(parsed.error.issues)}
        options={options}
        basePath="/statistics"
      />
      {query === undefined || !prefetched ? (
        <EmptyState title="No figures yet" description="Correct the filters marked above, or clear them." />
      ) : (
        <>
          <Suspense fallback={<DashboardSkeleton />}>
            <PrefetchedDashboard prefetched={prefetched} query={query} pbxNames={pbxNames} zone={viewZone(zones)} />
          </Suspense>
          <SmsPerUserSection query={query} />
        </>
      )}
    </>
  );
}

async function PrefetchedDashboard({
  prefetched,
  query,
  pbxNames,
  zone,
}: {
  prefetched: ReturnType<typeof prefetchStatistics>;
  query: string;
  pbxNames: Record<string, string>;
  zone: string;
}) {
  return <StatisticsDashboard query={query} pbxNames={pbxNames} prefetched={await prefetched} zone={zone} />;
}

function DashboardSkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Skeleton className="h-24 w-full lg:col-span-2" />
      <Skeleton className="h-72 w-full lg:col-span-2" />
    </div>
  );
}
