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

/** The figures the statistics page shows (the answered card also shows the range's cost). */
export const DASHBOARD_FIGURES = [
  "answered",
  "cost",
  "perDay",
  "byArea",
  "topDestinations",
  "topNumbers",
  "hourOfWeek",
  "userUse",
] as const;
