import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { viewZones } from "./context";
import { statisticsFigure } from "./figures";
import { ZStatisticsFilters } from "./filters";
import type { TMoney } from "./price-columns";
import { dayLabelIn, viewZone } from "./day-labels";

export interface UsageSummary {
  calls: number;
  inboundCalls: number;
  outboundCalls: number;
  minutes: number;
  /** Per currency the calls were rated in: the prices the actor sees (an end user's: End User prices only). */
  costs: TMoney[];
  since: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The home pages' call totals over the last `days` whole days and today, in the partner's calendar
 * (./zone), from the roll-ups (R16).
 */
export async function usageSummary(db: Db, actor: Actor, days = 30, now = new Date()): Promise<UsageSummary> {
  const filters = ZStatisticsFilters.parse({});
  const zones = await viewZones(db, actor, filters);
  const toExclusive = new Date(dayLabelIn(now, viewZone(zones)).getTime() + DAY_MS);
  const since = new Date(toExclusive.getTime() - (days + 1) * DAY_MS);
  const context = { actor, filters, range: { from: since, toExclusive }, now, zones };
  const [rows, costs] = await Promise.all([
    statisticsFigure(db, context, "perDay"),
    statisticsFigure(db, context, "cost"),
  ]);
  const callsIn = (direction: string) =>
    rows.filter((r) => r.direction === direction).reduce((sum, r) => sum + r.calls, 0);
  const seconds = rows.reduce((sum, r) => sum + r.seconds, 0);
  return {
    calls: callsIn("INBOUND") + callsIn("OUTBOUND"),
    inboundCalls: callsIn("INBOUND"),
    outboundCalls: callsIn("OUTBOUND"),
    minutes: Math.round(seconds / 60),
    costs,
    since,
  };
}
