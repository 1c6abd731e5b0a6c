import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { viewZones } from "@/lib/cdr/statistics/context";
import { statisticsFigure } from "@/lib/cdr/statistics/figures";
import { parseStatisticsFilters } from "@/lib/cdr/statistics/filters";
import type { TMoney } from "@/lib/cdr/statistics/price-columns";
import type { Db } from "@/lib/db/client";
import { pbxHeading, pbxHubCounts } from "./hub";

export interface PbxOverviewSummary {
  /** null where the actor may not see numbers (or emergency locations, for `missingLocation`). */
  numbers: { count: number; missingLocation: number | null } | null;
  /** This month (the statistics' default period), in the prices the actor sees (`visiblePrices`). */
  calls: { count: number; cost: TMoney[] } | null;
  openTickets: number | null;
}

/**
 * What a partner looks for first on a PBX's overview, each figure leading to its tab: its numbers and
 * how many still lack an emergency location, this month's calls and what they cost, and open tickets.
 * The same counts as the tab bar's, and the month's figures from the daily roll-up the usage tab reads.
 * Another tenant's PBX is NOT_FOUND, like a missing one.
 */
export async function pbxOverviewSummary(
  db: Db,
  actor: Actor,
  input: { pbxId: string; now?: Date },
): Promise<PbxOverviewSummary> {
  const pbx = await pbxHeading(db, actor, input.pbxId);
  const seesCalls = can(actor, "statistics.view");
  const filters = parseStatisticsFilters({ pbx: pbx.id });
  // "This month" is the PBX's partner's (decision 0045).
  const zones = seesCalls ? await viewZones(db, actor, filters) : [];
  const context = { actor, filters, now: input.now, zones };
  const [counts, answered, cost] = await Promise.all([
    pbxHubCounts(db, actor, pbx.id),
    seesCalls ? statisticsFigure(db, context, "answered") : null,
    seesCalls ? statisticsFigure(db, context, "cost") : null,
  ]);
  return {
    numbers: counts.numbers === null ? null : { count: counts.numbers, missingLocation: counts.missingLocations },
    calls: answered && cost ? { count: answered.calls, cost } : null,
    openTickets: counts.openTickets,
  };
}
