"use client";

import { usePathname } from "next/navigation";
import { QueryProvider } from "@/components/providers/query-provider";
import { CallList } from "./call-list";
import {
  AnsweredFigure,
  ByAreaFigure,
  HourOfWeekFigure,
  IncludedUseFigure,
  PerDayFigure,
  TopDestinationsFigure,
  TopNumbersFigure,
} from "./figures";

/**
 * Every figure for one filter query string (the page's URL), each fetched on its own through React
 * Query so the fast ones show while others load. `withCallList` off for the PBX page's summary.
 */
export function StatisticsDashboard({
  query,
  pbxNames,
  withCallList = true,
}: {
  query: string;
  pbxNames: Record<string, string>;
  withCallList?: boolean;
}) {
  const pathname = usePathname();
  const hrefWith = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) params.delete(key);
      else params.set(key, value);
    }
    return `${pathname}?${params}`;
  };
  // The figures ignore the call list's page and sort: leaving them out keeps their cache keys stable.
  const figureParams = new URLSearchParams(query);
  figureParams.delete("page");
  figureParams.delete("sort");
  const figureQuery = figureParams.toString();
  return (
    <QueryProvider>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <AnsweredFigure query={figureQuery} />
        <PerDayFigure query={figureQuery} />
        <ByAreaFigure query={figureQuery} />
        <TopDestinationsFigure query={figureQuery} />
        <TopNumbersFigure query={figureQuery} />
        <HourOfWeekFigure query={figureQuery} />
        <IncludedUseFigure query={figureQuery} pbxNames={pbxNames} />
        {withCallList && <CallList query={query} hrefWith={hrefWith} />}
      </div>
    </QueryProvider>
  );
}
