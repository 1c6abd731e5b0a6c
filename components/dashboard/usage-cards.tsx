import type { UsageSummary } from "@/lib/cdr/statistics/usage-summary";
import { moneyCard } from "@/components/statistics/money";
import { formatNumber } from "@/lib/format";
import { StatCard } from "./stat-card";

export function UsageCards({ usage }: { usage: UsageSummary }) {
  return (
    <>
      <StatCard
        label="Calls, last 30 days"
        value={formatNumber(usage.calls)}
        detail={`${formatNumber(usage.inboundCalls)} in · ${formatNumber(usage.outboundCalls)} out`}
      />
      <StatCard label="Minutes, last 30 days" value={formatNumber(usage.minutes)} />
      <StatCard label="Call charges, last 30 days" {...moneyCard(usage.costs)} />
    </>
  );
}
