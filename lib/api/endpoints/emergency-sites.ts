import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { SITE_FIELDS, type SiteRow } from "@/lib/emergency/site-snapshot";
import { createSite, updateSite } from "@/lib/emergency/sites";
import { AppError } from "@/lib/errors";
import { afterCreated, createdKey, pageFrom } from "../cursor";
import type { createSiteEndpoint, listSitesEndpoint, updateSiteEndpoint, ZApiSite } from "./emergency";

const SELECT = {
  ...SITE_FIELDS,
  customerId: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { phoneNumbers: true } },
} satisfies Prisma.EmergencyLocationSelect;

/** A site row as the API shows it (coordinates with their 6 decimals, as the portal prints them). */
export function toApiSiteFields(site: SiteRow & { customerId: string; createdAt: Date; updatedAt: Date }) {
  return {
    ...site,
    latitude: site.latitude?.toFixed(6) ?? null,
    longitude: site.longitude?.toFixed(6) ?? null,
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}

const toApiSite = ({ _count, ...site }: Prisma.EmergencyLocationGetPayload<{ select: typeof SELECT }>) =>
  ({ ...toApiSiteFields(site), numberCount: _count.phoneNumbers }) satisfies z.output<typeof ZApiSite>;

/** The sites the actor may see (the Emergency page's permission and tenant scope) meeting `where`. */
async function siteRows(db: Db, actor: Actor, where: Prisma.EmergencyLocationWhereInput[], take: number) {
  assertCan(actor, "emergency.view");
  return db.emergencyLocation.findMany({
    where: { AND: [scope.emergencyLocations(actor), ...where] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: SELECT,
  });
}

export async function sitesPage(db: Db, actor: Actor, query: z.output<NonNullable<typeof listSitesEndpoint.query>>) {
  const where: Prisma.EmergencyLocationWhereInput[] = [afterCreated(query.cursor)];
  if (query.customerId) where.push({ customerId: query.customerId });
  if (query.q) where.push({ name: containsText(query.q) });
  const page = pageFrom(await siteRows(db, actor, where, query.limit + 1), query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiSite) };
}

/** One site the actor may see; another tenant's is NOT_FOUND like a missing one. */
export async function apiSite(db: Db, actor: Actor, id: string) {
  const [site] = await siteRows(db, actor, [{ id }], 1);
  if (!site) throw new AppError("NOT_FOUND", "This site does not exist.");
  return toApiSite(site);
}

/** Through the portal's own function (its checks and transaction), then read back. */
export async function createApiSite(db: Db, actor: Actor, body: z.output<NonNullable<typeof createSiteEndpoint.body>>) {
  const { customerId, ...site } = body;
  const created = await createSite(db, actor, { customerId, site });
  return apiSite(db, actor, created.id);
}

export async function updateApiSite(
  db: Db,
  actor: Actor,
  id: string,
  site: z.output<NonNullable<typeof updateSiteEndpoint.body>>,
  now: Date,
) {
  await updateSite(db, actor, { siteId: id, site }, now);
  return apiSite(db, actor, id);
}
