import type { Metadata } from "next";
import { StatisticsDashboard } from "@/components/statistics/statistics-dashboard";
import { StatisticsFilters } from "@/components/statistics/statistics-filters";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { statisticsFilterOptions } from "@/lib/cdr/statistics/filter-options";
import { ZStatisticsFilters, statisticsQuery } from "@/lib/cdr/statistics/filters";
import { db } from "@/lib/db/client";
import type { RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Statistics" };

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("statistics.view");
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  // A hand-edited URL shows the default view with a message; the API refuses the same query with a 400.
  const parsed = ZStatisticsFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZStatisticsFilters.parse({});
  const options = await statisticsFilterOptions(db(), actor);
  return (
    <>
      <PageHeader
        title="Statistics"
        description="Calls of the PBXs you can see, by day, hour, area and number. Days and hours are UTC; figures include calls up to the last import."
      />
      {!parsed.success && (
        <Alert variant="warning" className="mb-4">
          Some filters in the address were not valid, so the default view is shown.
        </Alert>
      )}
      <StatisticsFilters filters={filters} options={options} basePath="/statistics" />
      <StatisticsDashboard
        query={statisticsQuery(filters)}
        pbxNames={Object.fromEntries(options.pbxs.map((p) => [p.id, p.name]))}
      />
    </>
  );
}
