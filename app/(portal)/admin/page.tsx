import type { Metadata } from "next";
import Link from "next/link";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { TermCards } from "@/components/dashboard/term-cards";
import { UsageCards } from "@/components/dashboard/usage-cards";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { adminOverview } from "@/lib/admin/overview";
import { unratedCallCount } from "@/lib/cdr/rating/unrated";
import { usageSummary } from "@/lib/cdr/statistics/usage-summary";
import { db } from "@/lib/db/client";
import { formatDate, formatNumber } from "@/lib/format";
import { renewalsDue } from "@/lib/pbx/renewals-due";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminHome() {
  const actor = await requirePermission("admin.area");
  const [overview, usage, unrated, terms] = await Promise.all([
    adminOverview(db(), actor),
    usageSummary(db(), actor),
    unratedCallCount(db(), actor),
    renewalsDue(db(), actor),
  ]);
  return (
    <>
      <PageHeader
        title="Operations dashboard"
        description="Partners, PBXs and traffic across the CLASSOUND platform."
      />
      <StatGrid>
        <StatCard
          label="Activations to review"
          value={formatNumber(overview.activationsToReview)}
          detail={
            <Link className="text-brand-700 hover:underline" href="/admin/activations">
              {overview.oldestWaitingSince
                ? `Oldest submitted ${formatDate(overview.oldestWaitingSince)}`
                : "Activation queue"}
            </Link>
          }
        />
        <StatCard label="Partners" value={formatNumber(overview.partners)} />
        <StatCard label="Customers" value={formatNumber(overview.customers)} />
        <StatCard
          label="PBXs"
          value={formatNumber(overview.pbxs)}
          detail={`${formatNumber(overview.activeServices)} with CLASSOUND active`}
        />
        <StatCard
          label="Numbers available"
          value={formatNumber(overview.availableNumbers)}
          detail={`${formatNumber(overview.assignedNumbers)} assigned`}
        />
        <UsageCards usage={usage} />
        <StatCard
          label="Calls not yet rated"
          value={formatNumber(unrated)}
          detail={
            <Link className="text-brand-700 hover:underline" href="/admin/rating">
              Unrated calls and SMS
            </Link>
          }
        />
        <StatCard
          label="Failed sign-ins, 24 h"
          value={formatNumber(overview.failedSignIns24h)}
          detail={
            <Link className="text-brand-700 hover:underline" href="/admin/audit">
              Audit log
            </Link>
          }
        />
      </StatGrid>
      <TermCards data={terms} showPartner />
    </>
  );
}
