import type { Metadata } from "next";
import { RerateButton } from "@/components/rating/rerate-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection, REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { requirePermission } from "@/lib/auth/session";
import { UNRATED_REASON_WORDS } from "@/lib/cdr/rating/unrated-reasons";
import { unratedOverview } from "@/lib/cdr/rating/unrated";
import { db } from "@/lib/db/client";
import type { UnratedReason } from "@/lib/db/generated/enums";
import { formatDateTime, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Unrated calls" };

const reasonWords = (reason: UnratedReason | null) =>
  reason ? UNRATED_REASON_WORDS[reason] : "not rated yet (the rating job has not run)";
const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);

const TD = REPORT_CELL;

export default async function RatingPage() {
  const actor = await requirePermission("cdr.import");
  const overview = await unratedOverview(db(), actor);
  return (
    <>
      <PageHeader
        title="Unrated calls and SMS"
        description="Calls and SMS rating could not price: they are never billed at 0. Fix the cause (a price list, a country's area), then re-rate the month. Publishing a price-list version re-rates its tier's months by itself."
      />
      {overview.byReason.length === 0 ? (
        <EmptyState
          title="Every call and SMS is rated"
          description="Calls rating cannot price will show here, counted per reason."
        />
      ) : (
        <div className="space-y-8">
          <PageSection id="reasons-heading" title="Per reason">
            <ReportTable
              label="Unrated calls and SMS per reason"
              columns={[{ header: "Reason" }, { header: "Calls", align: "right" }, { header: "SMS", align: "right" }]}
            >
              {overview.byReason.map((row) => (
                <tr key={row.reason ?? "pending"}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {capitalised(reasonWords(row.reason))}
                  </th>
                  <td className={`${TD} text-right tabular-nums`}>{formatNumber(row.calls)}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatNumber(row.sms)}</td>
                </tr>
              ))}
            </ReportTable>
          </PageSection>
          <PageSection id="months-heading" title="Per partner and month">
            <ReportTable
              label="Unrated calls and SMS per partner and month"
              caption="Unrated calls and SMS per partner and month (the partner's calendar month)"
              columns={[
                { header: "Partner" },
                { header: "Month" },
                { header: "Calls", align: "right" },
                { header: "SMS", align: "right" },
                { header: "Actions", hidden: true },
              ]}
            >
              {overview.byPartnerMonth.map((row) => (
                <tr key={`${row.month}:${row.partnerId}`}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {row.partnerName}
                  </th>
                  <td className={`${TD} tabular-nums`}>{row.month}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatNumber(row.calls)}</td>
                  <td className={`${TD} text-right tabular-nums`}>{formatNumber(row.sms)}</td>
                  <td className={`${TD} text-right`}>
                    <RerateButton partnerId={row.partnerId} partnerName={row.partnerName} month={row.month} />
                  </td>
                </tr>
              ))}
            </ReportTable>
          </PageSection>
          {overview.recentCalls.length > 0 && (
            <PageSection id="recent-heading" title="Latest unrated calls">
              <ReportTable
                label="The latest unrated calls, newest first"
                caption={`The latest ${overview.recentCalls.length} unrated calls`}
                columns={[
                  { header: "Start" },
                  { header: "Partner" },
                  { header: "Direction" },
                  { header: "Number" },
                  { header: "Not rated because" },
                ]}
              >
                {overview.recentCalls.map((call) => (
                  <tr key={call.id}>
                    <td className={`${TD} tabular-nums`}>{formatDateTime(call.startedAt)}</td>
                    <td className={TD}>{call.partnerName}</td>
                    <td className={TD}>{call.direction === "INBOUND" ? "In" : "Out"}</td>
                    <td className={`${TD} font-mono`}>{call.number}</td>
                    <td className={TD}>{reasonWords(call.reason)}</td>
                  </tr>
                ))}
              </ReportTable>
            </PageSection>
          )}
        </div>
      )}
    </>
  );
}
