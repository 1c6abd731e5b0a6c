import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/lib/format";
import type { pbxPortingOverview } from "@/lib/porting/queries";
import { PortingStatusBadge } from "./status-badge";

/**
 * The PBX page's porting panel: its port-ins with each number's state, and the way to ask for one
 * (partners, once CLASSOUND is active). Takes the overview as a promise so the page only starts the load.
 */
export async function PbxPortingSection({
  pbxId,
  overview,
  side,
}: {
  pbxId: string;
  overview: ReturnType<typeof pbxPortingOverview>;
  side: "partner" | "admin";
}) {
  const { requests, canRequest } = await overview;
  const base = side === "partner" ? "/porting" : "/admin/porting";
  return (
    <Card aria-labelledby="pbx-porting">
      <CardHeader>
        <div>
          <CardTitle id="pbx-porting">Porting</CardTitle>
          <CardDescription>Numbers brought to this PBX from other operators.</CardDescription>
        </div>
        {side === "partner" && canRequest && (
          <Link href={`/porting/new?pbx=${pbxId}`} className={buttonClassName("secondary", "sm")}>
            Port numbers in
          </Link>
        )}
      </CardHeader>
      <CardContent>
        {side === "partner" && !canRequest && (
          <p className="mb-3 text-sm text-muted-foreground">
            Numbers can be ported in once CLASSOUND is active on this PBX.
          </p>
        )}
        {requests.length === 0 ? (
          <p className="text-sm text-muted-foreground">No porting requests for this PBX.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Porting requests for this PBX">
            {requests.map((r) => (
              <li key={r.id} className="space-y-1.5 py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`${base}/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.numbers.length} number{r.numbers.length === 1 ? "" : "s"}
                    <span className="sr-only">, requested {formatDate(r.createdAt)}</span>
                  </Link>
                  <span className="flex items-center gap-2 text-xs text-muted-foreground">
                    {r.status === "SCHEDULED" && r.portingAt
                      ? `Switch ${formatDateTime(r.portingAt)}`
                      : `Requested ${formatDate(r.createdAt)}`}
                    <PortingStatusBadge status={r.status} />
                  </span>
                </div>
                <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Numbers">
                  {r.numbers.map((n) => (
                    <li key={n.e164} className="flex items-center gap-1.5">
                      <span className="font-mono">{n.e164}</span>
                      {n.phoneNumber?.status === "ASSIGNED" && n.phoneNumber.pbxId === pbxId && (
                        <Badge variant="success">Assigned</Badge>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
