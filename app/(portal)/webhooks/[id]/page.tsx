import type { Metadata } from "next";
import { z } from "zod";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EndpointStatus } from "@/components/webhooks/endpoint-status";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams, parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { webhookDeliveryLog } from "@/lib/webhooks/deliveries";

export const metadata: Metadata = { title: "Webhook deliveries" };

/** One endpoint's delivery log, newest first, with each attempt and a replay button. */
export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const actor = await requirePermission("webhooks.manage");
  const { id } = parseRouteParams(z.object({ id: ZId }), await params);
  const { page: asked } = parseSearchParams(z.object({ page: searchPage }), await searchParams);
  const log = await orNotFound(webhookDeliveryLog(db(), actor, id, asked));
  const { endpoint } = log;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Webhooks", href: "/webhooks" }, { label: "Deliveries" }]}
        title="Deliveries"
        description={<span className="font-mono break-all">{endpoint.url}</span>}
      />
      <EndpointStatus endpoint={endpoint} className="mb-6" />
      <Card>
        <CardHeader>
          <CardTitle>Delivery log</CardTitle>
        </CardHeader>
        <CardContent>
          <DeliveryLog
            deliveries={log.deliveries}
            replayable={endpoint.enabled && canChange(actor, "webhooks.manage")}
          />
          {log.total > 0 && (
            <NewerOlderPager
              total={log.total}
              noun={log.total === 1 ? "delivery" : "deliveries"}
              page={log.page}
              pageCount={log.pageCount}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
