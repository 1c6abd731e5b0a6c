import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivationRequestDetail } from "@/lib/activations/queries";
import { LICENSE_PLAN_LABEL, formatDate } from "@/lib/format";

/** The PBX being activated and, once on, its service: shown to partners and reviewers alike. */
export function RequestSummary({ request }: { request: ActivationRequestDetail["request"] }) {
  const users = request.pbx.licenses.reduce((sum, l) => sum + l.quantity, 0);
  const rows: [string, React.ReactNode][] = [
    ["Partner", request.partner.name],
    ["Customer", request.customer.name],
    [
      "PBX",
      <span key="pbx">
        {request.pbx.name} <span className="font-mono text-xs text-muted-foreground">{request.pbx.serial}</span>
      </span>,
    ],
    ["License", `${LICENSE_PLAN_LABEL[request.pbx.licensePlan]}, ${users} users`],
    ["Term", `${formatDate(request.pbx.termStart)} – ${formatDate(request.pbx.termExpiry)}`],
    [
      "Software",
      <span key="sw" className="font-mono text-xs">
        {request.pbx.softwareVersion}
      </span>,
    ],
    ["Country of service", request.country.name],
  ];
  if (request.pbx.service)
    rows.push([
      "CLASSOUND",
      `${request.pbx.service.status === "ACTIVE" ? "Active" : request.pbx.service.status} until ${formatDate(request.pbx.service.expiresAt)}`,
    ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Request</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="space-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="text-right text-foreground">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
