import type { Metadata } from "next";
import Link from "next/link";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { UsageCards } from "@/components/dashboard/usage-cards";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { usageSummary } from "@/lib/cdr/statistics/usage-summary";
import { db } from "@/lib/db/client";
import { formatNumber } from "@/lib/format";
import { listPbxs } from "@/lib/pbx/list-pbxs";

export const metadata: Metadata = { title: "Overview" };

export default async function CustomerHome() {
  const actor = await requirePermission("customer.area");
  const [pbxs, usage] = await Promise.all([listPbxs(db(), actor), usageSummary(db(), actor)]);
  return (
    <>
      <PageHeader title="Overview" description="Your company's PBXs and calls at a glance." />
      <StatGrid>
        <StatCard
          label="PBXs"
          value={formatNumber(pbxs.length)}
          detail={`${formatNumber(pbxs.filter((p) => p.serviceStatus === "ACTIVE").length)} with CLASSOUND active`}
        />
        <UsageCards usage={usage} />
      </StatGrid>
      {/* The overview sums up; the PBX list (with search and filters) and each PBX's page hold the details. */}
      <p className="mt-6 text-sm">
        <Link href="/pbxs" className="font-medium text-brand-700 hover:underline">
          See your PBXs, their licenses and CLASSOUND status
        </Link>
      </p>
    </>
  );
}
