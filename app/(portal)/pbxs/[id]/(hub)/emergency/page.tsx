import type { Metadata } from "next";
import { PbxEmergencySection } from "@/components/emergency/pbx-emergency-section";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { pbxEmergencyOverview } from "@/lib/emergency/pbx-emergency";
import { pbxIdOf } from "@/lib/pbx/hub-params";

export const metadata: Metadata = { title: "PBX emergency" };

/** The PBX hub's emergency tab (R13): where its numbers' locations stand and its emergency service. */
export default async function PbxEmergencyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("emergency.view");
  const pbxId = await pbxIdOf(params);
  return (
    <PbxEmergencySection
      pbxId={pbxId}
      overview={pbxEmergencyOverview(db(), actor, pbxId)}
      canRequest={can(actor, "tickets.use")}
    />
  );
}
