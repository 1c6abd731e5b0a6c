// Shared by the page (which fills React Query's cache on the server) and the figures (which read it),
// so both name a figure's data the same way.

/** React Query's key of one statistics endpoint for a filter query string. */
export const statisticsKey = (path: string, query: string) => ["statistics", path, query] as const;

/** The figures ignore the call list's page and sort: leaving them out keeps their cache keys stable. */
export function figureQueryOf(query: string): string {
  const params = new URLSearchParams(query);
  params.delete("page");
  params.delete("sort");
  return params.toString();
}

/**
 * The figures the statistics page computes with the page itself: those at the top (the totals, the
 * cost and calls per day). The others, and the call list, are asked for by the browser once the
 * page has hydrated: prefetched, they made the document 162 KB (59 KB of it their inline data) and
 * the hydration of ~1,900 elements one long task (Lighthouse: 467 ms of blocking time, issue 32).
 */
export const FIRST_SCREEN_FIGURES = ["answered", "cost", "perDay"] as const;
