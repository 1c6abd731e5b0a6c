"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * GET one statistics endpoint with the page's filter query; a failure's message becomes the query's
 * error. `pollWhile` refetches every second while the answer says the work is not done yet.
 */
export function useStatistics<T>(path: string, query: string, pollWhile?: (data: T) => boolean) {
  return useQuery<T>({
    queryKey: ["statistics", path, query],
    refetchInterval: (q) => (pollWhile && q.state.data !== undefined && pollWhile(q.state.data) ? 1000 : false),
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/statistics/${path}${query ? `?${query}` : ""}`, { signal });
      const result = (await response.json()) as ActionResult<T>;
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
}
