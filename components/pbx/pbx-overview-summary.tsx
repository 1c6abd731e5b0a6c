import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { moneyCard } from "@/components/statistics/money";
import { formatCount, formatNumber } from "@/lib/format";
import type { PbxOverviewSummary } from "@/lib/pbx/overview-summary";

const tile = "block h-full rounded-control border border-border px-4 py-3 hover:bg-neutral-50";
const value = "mt-0.5 text-xl font-semibold text-foreground tabular-nums";
const link = "font-medium text-brand-700 hover:underline";

/** The overview's figures, each a link to the tab that has the rest (a figure the actor may not see is left out). */
export function PbxOverviewSummaryTiles({ pbxId, summary }: { pbxId: string; summary: PbxOverviewSummary }) {
  const { numbers, calls, openTickets } = summary;
  const money = calls && calls.count > 0 ? moneyCard(calls.cost) : null;
  return (
    <ul aria-label="At a glance" className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {numbers && (
        <li className={tile}>
          <Link href={`/pbxs/${pbxId}/numbers`} className={link}>
            Numbers
          </Link>
          <p className={value}>{formatNumber(numbers.count)}</p>
          {numbers.missingLocation !== null && (
            <Link
              href={`/pbxs/${pbxId}/emergency`}
              className={cn(
                "text-sm hover:underline",
                numbers.missingLocation > 0 ? "text-danger-700" : "text-muted-foreground",
              )}
            >
              {numbers.missingLocation > 0
                ? `${formatCount(numbers.missingLocation, "number")} without an emergency location`
                : "Every number has an emergency location"}
            </Link>
          )}
        </li>
      )}
      {calls && (
        <li className={tile}>
          <Link href={`/pbxs/${pbxId}/usage`} className={link}>
            Calls this month
          </Link>
          <p className={value}>{formatNumber(calls.count)}</p>
          {money && (
            <p className="text-sm text-muted-foreground">
              <span className="font-medium text-foreground">{money.value}</span>
              {money.detail && <span className="block">{money.detail}</span>}
            </p>
          )}
        </li>
      )}
      {openTickets !== null && (
        <li className={tile}>
          <Link href={`/pbxs/${pbxId}/support`} className={link}>
            Open tickets
          </Link>
          <p className={value}>{formatNumber(openTickets)}</p>
        </li>
      )}
    </ul>
  );
}
