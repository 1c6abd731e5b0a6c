import type { Metadata } from "next";
import Link from "next/link";
import { MonthSoFarCard } from "@/components/billing/dashboard/month-so-far-card";
import { RecurringCard } from "@/components/billing/dashboard/recurring-card";
import { RenewalsCalendarCard } from "@/components/billing/dashboard/renewals-calendar";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { TermCards } from "@/components/dashboard/term-cards";
import { UsageCards } from "@/components/dashboard/usage-cards";
import { PbxTable } from "@/components/pbx/pbx-table";
import { PageHeader } from "@/components/ui/page-header";
import { EXPIRY_NOTICE_DAYS, expiringDocumentCount } from "@/lib/activations/compliance-profile";
import { requirePermission } from "@/lib/auth/session";
import { monthSoFar } from "@/lib/billing/dashboard/month-so-far";
import { recurring } from "@/lib/billing/dashboard/recurring";
import { renewalsCalendar } from "@/lib/billing/dashboard/renewals-calendar";
import { usageSummary } from "@/lib/cdr/statistics/usage-summary";
import { db } from "@/lib/db/client";
import { formatNumber } from "@/lib/format";
import { listPbxs } from "@/lib/pbx/list-pbxs";
import { renewalsDue } from "@/lib/pbx/renewals-due";

export const metadata: Metadata = { title: "Dashboard" };

export default async function PartnerHome() {
  const actor = await requirePermission("partner.area");
  const now = new Date();
  const [pbxs, usage, expiring, terms, month, mrr, calendar] = await Promise.all([
    listPbxs(db(), actor),
    usageSummary(db(), actor),
    expiringDocumentCount(db(), actor),
    renewalsDue(db(), actor, { now }),
    monthSoFar(db(), actor, now),
    recurring(db(), actor, now),
    renewalsCalendar(db(), actor, { now }),
  ]);
  const customers = new Set(pbxs.map((p) => p.customerName)).size;
  const active = pbxs.filter((p) => p.serviceStatus === "ACTIVE").length;
  return (
    <>
      <PageHeader title="Dashboard" description="Your customers' PBXs and their CLASSOUND traffic." />
      <StatGrid>
        <StatCard label="Customers with PBXs" value={formatNumber(customers)} />
        <StatCard
          label="PBXs"
          value={formatNumber(pbxs.length)}
          detail={`${formatNumber(active)} with CLASSOUND active`}
        />
        <StatCard
          label={`Documents to renew, ${EXPIRY_NOTICE_DAYS} days`}
          value={formatNumber(expiring)}
          detail={
            <Link
              className="text-brand-700 hover:underline"
              href={expiring > 0 ? "/customers?attention=1" : "/customers"}
            >
              Compliance profiles
            </Link>
          }
        />
        <UsageCards usage={usage} />
      </StatGrid>
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <MonthSoFarCard data={month} />
        <RecurringCard data={mrr} />
      </div>
      <RenewalsCalendarCard data={calendar} />
      <TermCards data={terms} showPartner={false} />
      {/* Not a landmark of its own: the table below is already the region named "PBXs". */}
      <section className="mt-8">
        <h2 id="pbxs-heading" className="mb-3 text-lg font-semibold text-foreground">
          PBXs
        </h2>
        <PbxTable rows={pbxs} showPartner={false} canActivate />
      </section>
    </>
  );
}
