import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { CreatePartnerKeyDialog } from "@/components/api/create-partner-key-dialog";
import { PartnerKeyList } from "@/components/api/partner-key-list";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listPartnerKeys } from "@/lib/api/keys";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "API keys" };

/** A partner admin's keys for the REST API: the partner's, whoever made them. */
export default async function ApiKeysPage() {
  const actor = await requirePermission("api_keys.manage");
  const keys = await listPartnerKeys(db(), actor);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your own systems call the portal's API with. A key belongs to your company, not to the colleague who made it."
        actions={<CreatePartnerKeyDialog />}
      />
      <Card>
        <CardContent>
          {keys.length === 0 ? (
            <EmptyState
              icon={KeyRound}
              title="No API keys yet"
              description="Create one for each system that calls the API."
            />
          ) : (
            <PartnerKeyList keys={keys} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
