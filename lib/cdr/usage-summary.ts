import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export interface UsageSummary {
  calls: number;
  inboundCalls: number;
  outboundCalls: number;
  minutes: number;
  /** Exact decimal strings, one per currency the calls were rated in. */
  costs: { currency: string; amount: string }[];
  since: Date;
}

/** Call totals over the last `days` days, for the records the actor may see (R16). */
export async function usageSummary(db: Db, actor: Actor, days = 30, now = new Date()): Promise<UsageSummary> {
  assertCan(actor, "statistics.view");
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const grouped = await db.callRecord.groupBy({
    by: ["direction", "currency"],
    where: { AND: [scope.callRecords(actor), { startedAt: { gte: since } }] },
    _count: { _all: true },
    _sum: { durationSeconds: true, cost: true },
  });
  const callsIn = (direction: string) =>
    grouped.filter((g) => g.direction === direction).reduce((sum, g) => sum + g._count._all, 0);
  const costs = new Map<string, Prisma.Decimal>();
  for (const g of grouped) costs.set(g.currency, (costs.get(g.currency) ?? new Prisma.Decimal(0)).plus(g._sum.cost ?? 0));
  const seconds = grouped.reduce((sum, g) => sum + (g._sum.durationSeconds ?? 0), 0);
  return {
    calls: callsIn("INBOUND") + callsIn("OUTBOUND"),
    inboundCalls: callsIn("INBOUND"),
    outboundCalls: callsIn("OUTBOUND"),
    minutes: Math.round(seconds / 60),
    costs: [...costs].map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) })),
    since,
  };
}
