import type { Metadata } from "next";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { UsageCards } from "@/components/dashboard/usage-cards";
import { PbxTable } from "@/components/pbx/pbx-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { usageSummary } from "@/lib/cdr/usage-summary";
import { db } from "@/lib/db/client";
import { formatNumber } from "@/lib/format";
import { listPbxs } from "@/lib/pbx/list-pbxs";

export const metadata: Metadata = { title: "Overview" };

export default async function CustomerHome() {
  const actor = await requirePermission("customer.area");
  const [pbxs, usage] = await Promise.all([listPbxs(db(), actor), usageSummary(db(), actor)]);
  return (
    <>
      <PageHeader title="Overview" description="Your company's PBXs and call statistics." />
      <StatGrid>
        <StatCard label="PBXs" value={formatNumber(pbxs.length)} />
        <UsageCards usage={usage} />
      </StatGrid>
      <section className="mt-8" aria-labelledby="pbxs-heading">
        <h2 id="pbxs-heading" className="mb-3 text-lg font-semibold text-foreground">Your PBXs</h2>
        <PbxTable rows={pbxs} showPartner={false} canActivate={false} />
      </section>
    </>
  );
}
