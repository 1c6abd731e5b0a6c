import Link from "next/link";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { formatDate } from "@/lib/format";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { needsEmergencyLocation, type listNumbers } from "@/lib/numbers/queries";
import { EmergencyStatusBadge } from "@/components/emergency/status-badge";
import { NumberStatusBadge } from "./number-status-badge";
import { ReleaseNumberButton } from "./release-number-button";

type Row = Awaited<ReturnType<typeof listNumbers>>["rows"][number];

const th = "px-4 py-3 font-medium";
const td = "px-4 py-2.5";

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
    <TableScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className={th}>
              Number
            </th>
            <th scope="col" className={th}>
              Country
            </th>
            <th scope="col" className={th}>
              Type
            </th>
            <th scope="col" className={th}>
              Area
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Emergency
            </th>
            {showPbx && (
              <th scope="col" className={th}>
                PBX
              </th>
            )}
            <th scope="col" className={th}>
              Since
            </th>
            {canRelease && (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
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
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
