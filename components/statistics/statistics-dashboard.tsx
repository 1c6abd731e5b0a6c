"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
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
import { FreshnessNote } from "./freshness-note";
import { figureQueryOf } from "./query-keys";
import { WhenNear } from "./when-near";

/**
 * Every figure for one filter query string (the page's URL), each fetched on its own through React
 * Query so the fast ones show while others load; those the page computed on the server come with it,
 * those far below the first screen once they come near it (`WhenNear`).
 * `withCallList` off for the PBX page's summary.
 */
export function StatisticsDashboard({
  query,
  pbxNames,
  withCallList = true,
  prefetched,
  zone,
}: {
  query: string;
  /** The view's time zone (`viewZone`): the calendar the cost card's title names. */
  zone: string;
  pbxNames: Record<string, string>;
  withCallList?: boolean;
  /** The figures the server already computed for `query` (`prefetchStatistics`): shown without a request. */
  prefetched?: DehydratedState;
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
  const figureQuery = figureQueryOf(query);
  return (
    <QueryProvider>
      <HydrationBoundary state={prefetched}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <FreshnessNote query={figureQuery} zone={zone} />
          <AnsweredFigure query={figureQuery} zone={zone} />
          <PerDayFigure query={figureQuery} />
          <WhenNear title="Minutes by area">
            <ByAreaFigure query={figureQuery} />
          </WhenNear>
          <WhenNear title="Top destinations">
            <TopDestinationsFigure query={figureQuery} />
          </WhenNear>
          <WhenNear title="Top numbers">
            <TopNumbersFigure query={figureQuery} />
          </WhenNear>
          <WhenNear title="Calls per hour of the week" className="lg:col-span-2">
            <HourOfWeekFigure query={figureQuery} />
          </WhenNear>
          <WhenNear title="Included minutes and SMS per user" className="lg:col-span-2">
            <IncludedUseFigure query={figureQuery} pbxNames={pbxNames} />
          </WhenNear>
          {withCallList && (
            <WhenNear title="Calls" className="lg:col-span-2">
              <CallList query={query} hrefWith={hrefWith} />
            </WhenNear>
          )}
        </div>
      </HydrationBoundary>
    </QueryProvider>
  );
}
