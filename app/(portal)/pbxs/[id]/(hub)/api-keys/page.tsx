import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/pbx/api-keys-section";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { listPbxApiKeys } from "@/lib/pbx/api-keys";
import { pbxIdOf } from "@/lib/pbx/hub-params";

export const metadata: Metadata = { title: "PBX API keys" };

/** The PBX hub's API keys tab: the keys the PBX posts its call records with. */
export default async function PbxApiKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("pbx.api_keys");
  const pbxId = await pbxIdOf(params);
  return <ApiKeysSection pbxId={pbxId} keys={await orNotFound(listPbxApiKeys(db(), actor, pbxId))} />;
}
