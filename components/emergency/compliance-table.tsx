import Link from "next/link";
import { TicketStatusBadge } from "@/components/tickets/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { ComplianceRow } from "@/lib/emergency/compliance";
import { formatDate, formatNumber } from "@/lib/format";

export const newEmergencyTicketHref = (pbxId: string) =>
  `/tickets/new?${new URLSearchParams({ category: "EMERGENCY_SERVICE", pbx: pbxId, subject: "Configure the emergency service" })}`;

/** The emergency-service state of one PBX: configured, requested (with the ticket's state), or how to request it. */
export function EmergencyServiceState({
  row,
  canRequest,
}: {
  row: Pick<ComplianceRow, "pbx" | "hasService" | "emergencyConfiguredAt" | "ticket" | "openTicket">;
  canRequest: boolean;
}) {
  if (row.emergencyConfiguredAt) return <>Configured {formatDate(row.emergencyConfiguredAt)}</>;
  if (!row.hasService) return <span className="text-muted-foreground">Once CLASSOUND is active</span>;
  if (row.ticket && row.openTicket) {
    return canRequest ? (
      <Link
        href={`/tickets/${row.ticket.id}`}
        className="inline-flex items-center gap-2 font-medium text-brand-700 hover:underline"
      >
        Requested <TicketStatusBadge status={row.ticket.status} />
      </Link>
    ) : (
      <>Requested</>
    );
  }
  return canRequest ? (
    <Link href={newEmergencyTicketHref(row.pbx.id)} className="font-medium text-brand-700 hover:underline">
      Not configured: request it<span className="sr-only"> for {row.pbx.name}</span>
    </Link>
  ) : (
    <>Not configured</>
  );
}

/** Compliance per PBX (R13): numbers with and without a location, the emergency service, what to do next. */
export function ComplianceTable({
  rows,
  showPartner,
  canRequest,
}: {
  rows: ComplianceRow[];
  showPartner: boolean;
  canRequest: boolean;
}) {
  if (!rows.length)
    return (
      <EmptyState
        title="No PBXs with numbers or CLASSOUND yet"
        description="Compliance shows here once a PBX has CLASSOUND or numbers."
      />
    );
  return (
    <TableScrollRegion label="PBXs and their emergency compliance">
      <table className="w-full text-sm">
        <caption className="sr-only">PBXs and their emergency compliance</caption>
        <thead className="bg-neutral-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              PBX
            </th>
            {showPartner && (
              <th scope="col" className="px-3 py-2">
                Partner
              </th>
            )}
            <th scope="col" className="px-3 py-2 text-right">
              Numbers
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              With a location
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Missing
            </th>
            <th scope="col" className="px-3 py-2">
              Emergency service
            </th>
            <th scope="col" className="px-3 py-2">
              Action needed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.pbx.id} data-testid={`compliance-${row.pbx.id}`}>
              <td className="px-3 py-2">
                <Link href={`/pbxs/${row.pbx.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.pbx.name}
                </Link>
                <span className="block text-xs text-muted-foreground">{row.pbx.customerName}</span>
              </td>
              {showPartner && <td className="px-3 py-2">{row.pbx.partnerName}</td>}
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(row.total)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatNumber(row.counts.ACTIVE + row.counts.PENDING)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatNumber(row.counts.NO_LOCATION + row.counts.CHANGES_REQUIRED)}
              </td>
              <td className="px-3 py-2">
                <EmergencyServiceState row={row} canRequest={canRequest} />
              </td>
              <td className="px-3 py-2">
                {row.actions.length ? row.actions.join(". ") : <span className="text-success-700">Complete</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
