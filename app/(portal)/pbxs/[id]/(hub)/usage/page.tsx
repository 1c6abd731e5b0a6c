import type { Metadata } from "next";
import { PbxStatisticsSection } from "@/components/statistics/pbx-statistics-section";
import { requirePermission } from "@/lib/auth/session";
import { viewZones } from "@/lib/cdr/statistics/context";
import { viewZone } from "@/lib/cdr/statistics/day-labels";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { pbxHeading } from "@/lib/pbx/hub";
import { pbxIdOf } from "@/lib/pbx/hub-params";

export const metadata: Metadata = { title: "PBX usage and statistics" };

/** The PBX hub's usage tab (R16): this month (the partner's) of calls and each user's included minutes, loaded in the browser. */
export default async function PbxUsagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("statistics.view");
  const pbx = await orNotFound(pbxHeading(db(), actor, await pbxIdOf(params)));
  const zone = viewZone(await viewZones(db(), actor, { pbx: pbx.id }));
  return <PbxStatisticsSection pbxId={pbx.id} pbxName={pbx.name} zone={zone} />;
}
