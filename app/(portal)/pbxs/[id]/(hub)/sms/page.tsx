import type { Metadata } from "next";
import { PbxSmsSection } from "@/components/sms/pbx-sms-section";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { pbxIdOf } from "@/lib/pbx/hub-params";
import { pbxSmsOverview } from "@/lib/sms/pbx-sms";

export const metadata: Metadata = { title: "PBX SMS" };

/** The PBX hub's SMS tab (R15): who may send SMS and two-way SMS, per licence. */
export default async function PbxSmsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("pbx.view");
  const pbxId = await pbxIdOf(params);
  return <PbxSmsSection overview={pbxSmsOverview(db(), actor, pbxId)} />;
}
