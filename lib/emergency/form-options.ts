import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

/** What the site form offers: the countries with an emergency regime and the actor's customers. */
export async function siteFormOptions(db: Db, actor: Actor) {
  assertCan(actor, "emergency.view");
  const [countries, customers] = await Promise.all([
    db.country.findMany({
      where: { emergencyRegime: { not: null } },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    db.customer.findMany({
      where: scope.customers(actor),
      orderBy: { name: "asc" },
      take: 1000,
      select: { id: true, name: true },
    }),
  ]);
  return { countries, customers };
}
export type SiteFormOptions = Awaited<ReturnType<typeof siteFormOptions>>;

/** The actor's PBXs that have numbers needing a location, for the numbers filter. */
export async function emergencyPbxOptions(db: Db, actor: Actor) {
  return db.pbx.findMany({
    where: { AND: [scope.pbxs(actor), { phoneNumbers: { some: {} } }] },
    orderBy: { name: "asc" },
    take: 1000,
    select: { id: true, name: true },
  });
}
