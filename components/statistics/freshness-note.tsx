"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { freshnessSentence, type TCallFreshness } from "@/lib/cdr/statistics/freshness-sentence";
import { useStatistics } from "./use-statistics";

/** Freshness is of the data in view (tenant, partner, customer, PBX), not of the dates: one cache entry per view. */
function freshnessQueryOf(query: string) {
  const params = new URLSearchParams(query);
  return new URLSearchParams(
    ["partner", "customer", "pbx"].flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])),
  ).toString();
}

/**
 * "Calls up to 14:32 are counted" above the figures. Asks every second while calls are being rated;
 * when the counted calls change, the figures are fetched again, so they match the sentence.
 */
export function FreshnessNote({ query, zone }: { query: string; zone: string }) {
  const freshness = useStatistics<TCallFreshness>("freshness", freshnessQueryOf(query), (f) => f.waiting > 0);
  const queryClient = useQueryClient();
  const seen = useRef<string | undefined>(undefined);
  const counted = freshness.data ? `${freshness.data.countedUpTo}/${freshness.data.waiting}` : undefined;
  useEffect(() => {
    if (counted === undefined) return;
    if (seen.current !== undefined && seen.current !== counted)
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === "statistics" && q.queryKey[1] !== "freshness",
      });
    seen.current = counted;
  }, [counted, queryClient]);
  return (
    <p role="status" className="min-h-5 text-sm text-muted-foreground lg:col-span-2">
      {freshness.data ? freshnessSentence(freshness.data, zone) : ""}
    </p>
  );
}
