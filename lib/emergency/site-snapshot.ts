import type { Prisma } from "@/lib/db/generated/client";
import type { TSite } from "./validation/site-schema";

/** The fields of a site that reach the answering point, as the history keeps them. */
export const SITE_FIELDS = {
  id: true,
  name: true,
  street: true,
  houseNumber: true,
  postcode: true,
  city: true,
  region: true,
  countryCode: true,
  building: true,
  floor: true,
  room: true,
  latitude: true,
  longitude: true,
  callbackNumber: true,
} as const satisfies Prisma.EmergencyLocationSelect;

export type SiteRow = Prisma.EmergencyLocationGetPayload<{ select: typeof SITE_FIELDS }>;

export function siteSnapshot(site: SiteRow | null): Prisma.InputJsonValue | undefined {
  if (!site) return undefined;
  return { ...site, latitude: site.latitude?.toFixed(6) ?? null, longitude: site.longitude?.toFixed(6) ?? null };
}

/** What is sent to the answering point, as one comparable string (the site's name is for people only). */
function locationKey(
  site: Omit<TSite, "name" | "latitude" | "longitude"> & { latitude: string | null; longitude: string | null },
) {
  const {
    street,
    houseNumber,
    postcode,
    city,
    region,
    countryCode,
    building,
    floor,
    room,
    latitude,
    longitude,
    callbackNumber,
  } = site;
  return JSON.stringify([
    street,
    houseNumber,
    postcode,
    city,
    region ?? null,
    countryCode,
    building ?? null,
    floor ?? null,
    room ?? null,
    latitude,
    longitude,
    callbackNumber ?? null,
  ]);
}

const rowKey = (site: SiteRow) =>
  locationKey({
    ...site,
    region: site.region ?? undefined,
    building: site.building ?? undefined,
    floor: site.floor ?? undefined,
    room: site.room ?? undefined,
    callbackNumber: site.callbackNumber ?? undefined,
    latitude: site.latitude?.toFixed(6) ?? null,
    longitude: site.longitude?.toFixed(6) ?? null,
  });

const inputKey = (site: TSite) =>
  locationKey({
    ...site,
    latitude: site.latitude === undefined ? null : Number(site.latitude).toFixed(6),
    longitude: site.longitude === undefined ? null : Number(site.longitude).toFixed(6),
  });

/** Whether two versions of a site send the same location. */
export function sameLocation(a: SiteRow, b: SiteRow | TSite): boolean {
  return rowKey(a) === ("id" in b ? rowKey(b) : inputKey(b));
}
