import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { CreateWebhookDialog } from "@/components/webhooks/create-webhook-dialog";
import { WebhookEndpointList } from "@/components/webhooks/endpoint-list";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks" };

/** A partner admin's webhook endpoints: where the partner's systems hear of what changes. */
export default async function WebhooksPage() {
  const actor = await requirePermission("webhooks.manage");
  const endpoints = await listWebhookEndpoints(db(), actor);
  const editable = canChange(actor, "webhooks.manage");
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your systems hear of decisions, orders, ports, invoices and replies as they happen: each event is POSTed as JSON to your endpoint, signed with its secret."
        actions={editable && <CreateWebhookDialog />}
      />
      <Card>
        <CardContent>
          {endpoints.length === 0 ? (
            <EmptyState
              icon={Webhook}
              title="No webhook endpoints yet"
              description="Add the https URL of a system that should receive events."
            />
          ) : (
            <WebhookEndpointList endpoints={endpoints} editable={editable} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
