import type { Metadata } from "next";
import { z } from "zod";
import { PbxSmsSection } from "@/components/sms/pbx-sms-section";
import { PbxTicketsSection } from "@/components/tickets/pbx-tickets-section";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { loadPbxHeading } from "@/lib/pbx/pbx-heading";
import { pbxSmsOverview } from "@/lib/sms/pbx-sms";
import { pbxTicketsOverview } from "@/lib/tickets/pbx-tickets";

export const metadata: Metadata = { title: "PBX" };

// Minimal on purpose: the full PBX page comes from the PBX work; these sections merge into it.
export default async function PbxPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("pbx.view");
  const pbx = await orNotFound(loadPbxHeading(db(), actor, parseRouteParams(z.object({ id: ZId }), await params).id));
  return (
    <>
      <PageHeader breadcrumbs={[{ label: "PBXs", href: "/pbxs" }, { label: pbx.name }]} title={pbx.name} description={`${pbx.customer.name} · ${pbx.serial}`} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-2">
        {can(actor, "tickets.use") && <PbxTicketsSection pbxId={pbx.id} overview={pbxTicketsOverview(db(), actor, pbx.id)} />}
        <PbxSmsSection overview={pbxSmsOverview(db(), actor, pbx.id)} />
      </div>
    </>
  );
}
