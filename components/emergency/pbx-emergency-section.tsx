import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { pbxEmergencyOverview } from "@/lib/emergency/pbx-emergency";
import { formatNumber } from "@/lib/format";
import { EmergencyServiceState } from "./compliance-table";
import { EmergencyStatusBadge } from "./status-badge";

/** R13 on the PBX page: where its numbers' locations stand and its emergency service. Takes the load as a promise. */
export async function PbxEmergencySection({
  pbxId,
  overview,
  canRequest,
}: {
  pbxId: string;
  overview: ReturnType<typeof pbxEmergencyOverview>;
  canRequest: boolean;
}) {
  const { row, numbers, total } = await overview;
  const missing = row ? row.counts.NO_LOCATION : 0;
  return (
    <Card aria-labelledby="pbx-emergency">
      <CardHeader>
        <div>
          <CardTitle id="pbx-emergency">Emergency</CardTitle>
          <CardDescription>Caller locations for 112 and 911, and the PBX&apos;s emergency service.</CardDescription>
        </div>
        <Link href={`/emergency?pbx=${pbxId}`} className="text-sm font-medium text-brand-700 hover:underline">
          Manage locations
        </Link>
      </CardHeader>
      <CardContent className="space-y-4">
        {row && (
          <dl className="divide-y divide-border text-sm">
            <div className="flex flex-wrap justify-between gap-x-4 py-1.5">
              <dt className="text-muted-foreground">Locations</dt>
              <dd
                data-testid="pbx-emergency-locations"
                className={missing ? "font-medium text-danger-700" : "text-success-700"}
              >
                {missing
                  ? `${formatNumber(missing)} number${missing === 1 ? "" : "s"} missing a location`
                  : `Every number has a location (${formatNumber(row.total)})`}
                {row.counts.CHANGES_REQUIRED > 0 && `, ${formatNumber(row.counts.CHANGES_REQUIRED)} need changes`}
              </dd>
            </div>
            <div className="flex flex-wrap justify-between gap-x-4 py-1.5">
              <dt className="text-muted-foreground">Emergency service</dt>
              <dd>
                <EmergencyServiceState row={row} canRequest={canRequest} />
              </dd>
            </div>
          </dl>
        )}
        <form
          method="get"
          action="/emergency"
          role="search"
          aria-label="Find a number's location"
          className="flex flex-wrap items-end gap-2"
        >
          <input type="hidden" name="pbx" value={pbxId} />
          <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
            Number contains
            <Input name="q" type="search" inputMode="tel" placeholder="Any digits, e.g. 4930" />
          </label>
          <button type="submit" className={buttonClassName("secondary")}>
            Find
          </button>
        </form>
        {numbers.length === 0 ? (
          <p className="text-sm text-muted-foreground">This PBX has no numbers that need an emergency location.</p>
        ) : (
          <TableScrollRegion label="Numbers of this PBX and their emergency location">
            <table className="w-full text-sm">
              <caption className="sr-only">Numbers of this PBX and their emergency location</caption>
              <thead className="bg-neutral-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Number
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Location
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {numbers.map((n) => (
                  <tr key={n.id}>
                    <td className="px-3 py-2 font-mono whitespace-nowrap">{n.e164}</td>
                    <td className="px-3 py-2">
                      {n.emergencyLocation ? (
                        `${n.emergencyLocation.name}: ${n.emergencyLocation.street} ${n.emergencyLocation.houseNumber}, ${n.emergencyLocation.city}`
                      ) : (
                        <span className="font-medium text-danger-700">No location</span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <EmergencyStatusBadge status={n.emergencyStatus} />
                      {n.emergencyStatusReason && (
                        <span className="block text-xs text-muted-foreground">{n.emergencyStatusReason}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        )}
        {total > numbers.length && (
          <Link href={`/emergency?pbx=${pbxId}`} className="text-sm font-medium text-brand-700 hover:underline">
            All {formatNumber(total)} numbers
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
