import type { Metadata } from "next";
import { PbxTicketsSection } from "@/components/tickets/pbx-tickets-section";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { pbxIdOf } from "@/lib/pbx/hub-params";
import { pbxTicketsOverview } from "@/lib/tickets/pbx-tickets";

export const metadata: Metadata = { title: "PBX support" };

/** The PBX hub's support tab (R17): its tickets and the requests to open from here. */
export default async function PbxSupportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("tickets.use");
  const pbxId = await pbxIdOf(params);
  return <PbxTicketsSection pbxId={pbxId} overview={pbxTicketsOverview(db(), actor, pbxId)} />;
}
