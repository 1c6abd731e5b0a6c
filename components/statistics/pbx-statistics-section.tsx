"use client";

import Link from "next/link";
import { QueryProvider } from "@/components/providers/query-provider";
import { AnsweredFigure, IncludedUseFigure, PerDayFigure } from "./figures";
import { FreshnessNote } from "./freshness-note";

/** The PBX page's statistics: this month's totals, calls per day and each user's included use, with a link to the full view. */
export function PbxStatisticsSection({ pbxId, pbxName, zone }: { pbxId: string; pbxName: string; zone: string }) {
  const query = `pbx=${pbxId}`;
  return (
    <section aria-labelledby="pbx-statistics" className="mt-6">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="pbx-statistics" className="text-lg font-semibold text-foreground">
          Statistics this month
        </h2>
        <Link href={`/statistics?${query}`} className="text-sm font-medium text-brand-700 hover:underline">
          All statistics and calls of {pbxName}
        </Link>
      </div>
      <QueryProvider>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <FreshnessNote query={query} zone={zone} />
          <AnsweredFigure query={query} zone={zone} />
          <PerDayFigure query={query} />
          <IncludedUseFigure query={query} pbxNames={{ [pbxId]: pbxName }} />
        </div>
      </QueryProvider>
    </section>
  );
}
