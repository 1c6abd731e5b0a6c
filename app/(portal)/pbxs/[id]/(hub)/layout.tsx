import { z } from "zod";
import { PbxTabs } from "@/components/pbx/pbx-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { pbxHubHeader } from "@/lib/pbx/hub";

const ZParams = z.object({ id: ZId });

/**
 * The PBX hub: the PBX's name and a tab bar with counts above every tab (overview, numbers,
 * emergency, usage, support, SMS, API keys). Each tab is its own route and loads only its own data;
 * each page checks the actor itself too, since a layout does not run again on every navigation.
 */
export default async function PbxHubLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: React.ReactNode;
}) {
  const actor = await requirePermission("pbx.view");
  const { pbx, tabs } = await orNotFound(pbxHubHeader(db(), actor, parseRouteParams(ZParams, await params).id));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "PBXs", href: "/pbxs" }, { label: pbx.name }]}
        title={pbx.name}
        description={`${pbx.customer.name} · ${pbx.serial}`}
        className="mb-4"
      />
      <PbxTabs pbxId={pbx.id} tabs={tabs} />
      {children}
    </>
  );
}
