"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/http/action-result";
import { statisticsKey } from "./query-keys";

/** A refused statistics request; a rate-limited one (429) says how long to wait before asking again. */
class StatisticsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * GET one statistics endpoint with the page's filter query; a failure's message becomes the query's
 * error. `pollWhile` refetches every second while the answer says the work is not done yet. A
 * rate-limited answer is retried after its `Retry-After`, not at React Query's quicker default.
 */
export function useStatistics<T>(path: string, query: string, pollWhile?: (data: T) => boolean) {
  return useQuery<T>({
    queryKey: statisticsKey(path, query),
    refetchInterval: (q) => (pollWhile && q.state.data !== undefined && pollWhile(q.state.data) ? 1000 : false),
    retryDelay: (failures, error) =>
      error instanceof StatisticsError && error.retryAfterSeconds
        ? error.retryAfterSeconds * 1000
        : Math.min(1000 * 2 ** failures, 30_000),
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/statistics/${path}${query ? `?${query}` : ""}`, { signal });
      const result = (await response.json()) as ActionResult<T>;
      if (!result.ok) throw new StatisticsError(result.error, result.retryAfterSeconds);
      return result.data;
    },
  });
}
