import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NumberStatusBadge } from "@/components/numbers/number-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { parseRouteParams } from "@/lib/http/search-params";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { numberHistory } from "@/lib/numbers/inventory";

const ZParams = z.object({ id: ZId });
export const metadata: Metadata = { title: "Number history" };

const EVENT_LABEL: Record<string, string> = {
  IMPORTED: "Imported",
  HELD: "Held",
  ORDERED: "Ordered",
  ASSIGNED: "Assigned to a PBX",
  RELEASED: "Released",
  QUARANTINED: "Quarantined",
  AVAILABLE_AGAIN: "Available again",
  PORTED: "Ported in",
  DEFAULT_CALLER_SET: "Made the default caller number",
  CNAM_REQUESTED: "Caller name requested",
};

export default async function NumberHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("numbers.manage_inventory");
  const number = await numberHistory(db(), actor, parseRouteParams(ZParams, await params).id);
  if (!number) notFound();
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Number inventory", href: "/admin/numbers" }, { label: number.e164 }]}
        title={number.e164}
        description={`${number.countryCode} · ${NUMBER_TYPE_LABEL[number.type]}${number.areaName ? ` · ${number.areaName}` : ""}`}
        actions={<NumberStatusBadge status={number.status} />}
      />
      {number.pbx && (
        <p className="mb-4 text-sm">
          On{" "}
          <Link href={`/pbxs/${number.pbx.id}`} className="font-medium text-brand-700 hover:underline">
            {number.pbx.name}
          </Link>{" "}
          of {number.pbx.customer.name} ({number.pbx.customer.partner.name}).
        </p>
      )}
      {number.quarantineUntil && (
        <p className="mb-4 text-sm">In quarantine until {formatDate(number.quarantineUntil)}.</p>
      )}
      <Card aria-labelledby="history">
        <CardHeader>
          <CardTitle id="history">History</CardTitle>
        </CardHeader>
        <CardContent>
          {number.events.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing has happened to this number since it entered the inventory.
            </p>
          ) : (
            <ol className="divide-y divide-border text-sm" data-testid="number-history">
              {number.events.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-x-4 py-2">
                  <span className="font-medium">
                    {EVENT_LABEL[e.kind] ?? e.kind}
                    {e.detail && <span className="font-normal text-muted-foreground"> ({e.detail})</span>}
                  </span>
                  <span className="text-muted-foreground">{formatDateTime(e.createdAt)}</span>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </>
  );
}
