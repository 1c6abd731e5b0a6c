import { EmptyState } from "@/components/ui/empty-state";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { SiteFormOptions } from "@/lib/emergency/form-options";
import { mapTileUrl } from "@/lib/emergency/map-tile";
import type { SiteListRow } from "@/lib/emergency/sites";
import { formatNumber } from "@/lib/format";
import { SiteDialog } from "./site-dialog";

const detail = (site: SiteListRow) =>
  [site.building && `Building ${site.building}`, site.floor && `floor ${site.floor}`, site.room && `room ${site.room}`]
    .filter(Boolean)
    .join(", ");

/** The actor's sites; a small map tile beside each only when MAP_TILE_URL names a tile server. */
export function SitesTable({
  sites,
  options,
  canEdit,
}: {
  sites: SiteListRow[];
  options: SiteFormOptions;
  canEdit: boolean;
}) {
  if (!sites.length)
    return <EmptyState title="No sites yet" description="Define a site once, then assign it to many numbers." />;
  const template = readRuntimeEnv().MAP_TILE_URL;
  return (
    <TableScrollRegion label="Sites and their addresses">
      <table className="w-full text-sm">
        <caption className="sr-only">Sites and their addresses</caption>
        <thead className="bg-neutral-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              Site
            </th>
            <th scope="col" className="px-3 py-2">
              Address
            </th>
            <th scope="col" className="px-3 py-2">
              Customer
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Numbers
            </th>
            {canEdit && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {sites.map((site) => {
            const tile =
              site.latitude && site.longitude
                ? mapTileUrl(template, Number(site.latitude), Number(site.longitude))
                : null;
            return (
              <tr key={site.id}>
                <td className="px-3 py-2 font-medium">{site.name}</td>
                <td className="px-3 py-2">
                  {site.street} {site.houseNumber}, {site.postcode} {site.city} ({site.countryCode})
                  {detail(site) && <span className="block text-xs text-muted-foreground">{detail(site)}</span>}
                  {/* A third-party tile, not an asset of ours: next/image would proxy it through the server. */}
                  {tile && (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img
                      src={tile}
                      alt={`Map around ${site.name}`}
                      width={128}
                      height={128}
                      className="mt-1 rounded border border-border"
                    />
                  )}
                </td>
                <td className="px-3 py-2">{site.customer.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(site.numberCount)}</td>
                {canEdit && (
                  <td className="px-3 py-2 text-right">
                    <SiteDialog options={options} site={site} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}
