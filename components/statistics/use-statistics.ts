"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/http/action-result";

/** GET one statistics endpoint with the page's filter query; a failure's message becomes the query's error. */
export function useStatistics<T>(path: string, query: string) {
  return useQuery({
    queryKey: ["statistics", path, query],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/statistics/${path}${query ? `?${query}` : ""}`, { signal });
      const result = (await response.json()) as ActionResult<T>;
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
}
