import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import Link from "next/link";
import { ChargeLines } from "@/components/numbers/charge-lines";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { orderNumbersWithoutLocation } from "@/lib/emergency/numbers";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { parseRouteParams } from "@/lib/http/search-params";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { loadNumberOrder } from "@/lib/numbers/queries";

const ZParams = z.object({ id: ZId });

export const metadata: Metadata = { title: "Number order" };

export default async function NumberOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("numbers.view");
  const order = await loadNumberOrder(db(), actor, parseRouteParams(ZParams, await params).id);
  if (!order) notFound();
  const count = order.blockSize * order.blockCount;
  const withoutLocation = await orderNumbersWithoutLocation(db(), actor, order.id);
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { label: "PBXs", href: "/pbxs" },
          { label: order.pbx.name, href: `/pbxs/${order.pbx.id}` },
          { label: "Number order" },
        ]}
        title={`${formatNumber(count)} ${order.countryCode} ${NUMBER_TYPE_LABEL[order.type].toLowerCase()} numbers ordered`}
        description={`${order.blockCount} block${order.blockCount === 1 ? "" : "s"} of ${order.blockSize} for ${order.pbx.name}, ${formatDateTime(order.createdAt)}.`}
      />
      {withoutLocation > 0 && (
        <Alert
          variant="warning"
          title="Emergency locations needed"
          className="mb-6"
          data-testid="order-emergency-prompt"
        >
          {withoutLocation === 1
            ? "1 of these numbers needs"
            : `${formatNumber(withoutLocation)} of these numbers need`}{" "}
          an emergency location before it can reach 112 or 911 with the caller&apos;s address or be used as a caller ID.{" "}
          <Link href={`/emergency?pbx=${order.pbx.id}&status=NO_LOCATION`}>Enter the locations now</Link>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card aria-labelledby="order-blocks">
          <CardHeader>
            <CardTitle id="order-blocks">Numbers by block</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="space-y-3" data-testid="order-blocks">
              {order.blocks.map((b) => (
                <li key={b.id} data-testid="order-block">
                  <h3 className="font-mono text-sm font-semibold">
                    {b.firstE164 === b.lastE164 ? b.firstE164 : `${b.firstE164} – ${b.lastE164}`}
                  </h3>
                  {b.size > 1 && (
                    <p className="mt-1 font-mono text-xs break-words text-muted-foreground">
                      {b.numbers.map((n) => n.e164).join(" ")}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        {order.charges && (
          <Card aria-labelledby="order-charges">
            <CardHeader>
              <CardTitle id="order-charges">Charges</CardTitle>
            </CardHeader>
            <CardContent>
              <ChargeLines
                lines={order.charges.lines.map((l) => ({ ...l, amount: l.amount.toFixed(2) }))}
                total={order.charges.total.toFixed(2)}
                totalLabel="Charged"
                currency={order.charges.currency}
              />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
