import Link from "next/link";
import type { ReactNode } from "react";
import { ActivationTimeline } from "@/components/activations/timeline";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { formatDate, formatDateTime } from "@/lib/format";
import type { PortingRequestDetail } from "@/lib/porting/queries";
import { formatBytes } from "@/lib/storage/validate-upload";

/**
 * A port-in request as both sides read it: what is ported from where, the letter of authorization,
 * when the switch happens (R10), each number's state once ported, and the timeline. `actions` holds
 * what the reader may do next.
 */
export function PortingDetail({
  detail,
  showPartner,
  actions,
}: {
  detail: PortingRequestDetail;
  showPartner: boolean;
  actions?: ReactNode;
}) {
  const { request, eventActors } = detail;
  const facts: [string, ReactNode][] = [
    ...(showPartner ? [["Partner", request.partner.name] as [string, ReactNode]] : []),
    ["Customer", request.pbx.customer.name],
    [
      "PBX",
      <Link key="pbx" href={`/pbxs/${request.pbx.id}`} className="font-medium text-brand-700 hover:underline">
        {request.pbx.name}
      </Link>,
    ],
    ["From operator", request.currentOperator],
    ["Account holder", request.accountHolder],
    ["Requested date", request.requestedDate ? formatDate(request.requestedDate) : "—"],
    [
      "Switch (incoming calls)",
      request.portingAt ? (
        <span key="at" data-testid="porting-at">
          {formatDateTime(request.portingAt)}
        </span>
      ) : (
        "Not scheduled yet"
      ),
    ],
    [
      "Letter of authorization",
      request.loaFile ? (
        <a
          key="loa"
          href={`/api/files/${request.loaFile.id}`}
          className="font-medium break-all text-brand-700 hover:underline"
        >
          {request.loaFile.fileName}{" "}
          <span className="text-muted-foreground">({formatBytes(request.loaFile.sizeBytes)})</span>
        </a>
      ) : (
        "None on file"
      ),
    ],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-6">
        {request.status === "REJECTED" && request.rejectionReason && (
          <Alert variant="danger">Rejected: {request.rejectionReason}</Alert>
        )}
        {request.status === "SCHEDULED" && request.portingAt && (
          <Alert variant="info">
            Outgoing calls can use these numbers already. Incoming calls switch to CLASSOUND on{" "}
            {formatDateTime(request.portingAt)}.
          </Alert>
        )}
        {actions}
        <Card aria-labelledby="porting-facts">
          <CardHeader>
            <CardTitle id="porting-facts">Request</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList facts={facts} />
          </CardContent>
        </Card>
        <Card aria-labelledby="porting-numbers">
          <CardHeader>
            <CardTitle id="porting-numbers">Numbers ({request.numbers.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-border text-sm" aria-label="Numbers to port">
              {request.numbers.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <span className="font-mono">{n.e164}</span>
                  <span className="flex items-center gap-2 text-muted-foreground">
                    {n.country.name}
                    {n.phoneNumber?.status === "ASSIGNED" && n.phoneNumber.pbxId === request.pbxId && (
                      <Badge variant="success">Assigned</Badge>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
      <Card aria-labelledby="porting-timeline">
        <CardHeader>
          <CardTitle id="porting-timeline">Timeline</CardTitle>
        </CardHeader>
        <CardContent>
          <ActivationTimeline events={request.events} actors={eventActors} />
        </CardContent>
      </Card>
    </div>
  );
}
