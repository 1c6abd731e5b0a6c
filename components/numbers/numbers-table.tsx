import Link from "next/link";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { formatDate } from "@/lib/format";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { needsEmergencyLocation, type listNumbers } from "@/lib/numbers/queries";
import { EmergencyStatusBadge } from "@/components/emergency/status-badge";
import { NumberStatusBadge } from "./number-status-badge";
import { ReleaseNumberButton } from "./release-number-button";

type Row = Awaited<ReturnType<typeof listNumbers>>["rows"][number];

const td = REPORT_CELL;

/** Numbers as a table; `canRelease` adds the release button (partners), `showPbx` the PBX column (lists across PBXs). */
export function NumbersTable({
  rows,
  caption,
  canRelease,
  showPbx,
  quarantineDays,
  empty,
}: {
  rows: Row[];
  caption: string;
  canRelease: boolean;
  showPbx: boolean;
  quarantineDays: number;
  empty: string;
}) {
  return (
    <ReportTable
      label={caption}
      columns={[
        { header: "Number" },
        { header: "Country" },
        { header: "Type" },
        { header: "Area" },
        { header: "Status" },
        { header: "Emergency" },
        showPbx && { header: "PBX" },
        { header: "Since" },
        canRelease && { header: "Actions", hidden: true },
      ]}
    >
      {rows.map((n) => (
        <tr key={n.id} data-testid="number-row">
          <td className={`${td} whitespace-nowrap font-mono`}>
            {n.e164}
            {n.pbx?.service?.defaultCallerNumberId === n.id && (
              <span className="block text-xs font-sans text-muted-foreground">Default caller number</span>
            )}
          </td>
          <td className={td}>{n.countryCode}</td>
          <td className={td}>{NUMBER_TYPE_LABEL[n.type]}</td>
          <td className={td}>{n.areaName ?? "—"}</td>
          <td className={td}>
            <NumberStatusBadge status={n.status} />
          </td>
          <td className={td}>
            {needsEmergencyLocation(n) ? <EmergencyStatusBadge status={n.emergencyStatus} /> : "—"}
          </td>
          {showPbx && (
            <td className={td}>
              {n.pbx ? (
                <Link href={`/pbxs/${n.pbx.id}`} className="font-medium text-brand-700 hover:underline">
                  {n.pbx.name}
                </Link>
              ) : (
                "—"
              )}
              {n.pbx && <span className="block text-xs text-muted-foreground">{n.pbx.customer.name}</span>}
            </td>
          )}
          <td className={`${td} whitespace-nowrap text-muted-foreground`}>{formatDate(n.assignedAt)}</td>
          {canRelease && (
            <td className={`${td} text-right`}>
              {n.status === "ASSIGNED" && (
                <ReleaseNumberButton numberId={n.id} e164={n.e164} quarantineDays={quarantineDays} />
              )}
            </td>
          )}
        </tr>
      ))}
      {rows.length === 0 && (
        <tr>
          <td colSpan={9} className="px-4 py-10 text-center text-muted-foreground">
            {empty}
          </td>
        </tr>
      )}
    </ReportTable>
  );
}
