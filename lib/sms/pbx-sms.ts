import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { smsEntitlements } from "./licence-entitlements";

/** The PBX page's SMS panel: per licence type, how many users may send SMS and two-way SMS, and why. */
export async function pbxSmsOverview(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "pbx.view");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: { licenses: { select: { type: true, quantity: true } } },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  // The countries asked of the database (one EXISTS per country), not read off every number of the
  // PBX: a PBX with 50,000 numbers made this page load them all.
  const [twoWayCountries, allTwoWayCountries] = await Promise.all([
    db.country.findMany({
      where: { twoWaySms: true, phoneNumbers: { some: { pbxId } } },
      orderBy: { name: "asc" },
      select: { name: true },
    }),
    db.country.findMany({ where: { twoWaySms: true }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return {
    entitlements: smsEntitlements(pbx.licenses, twoWayCountries.length > 0),
    twoWayCountries: twoWayCountries.map((c) => c.name),
    allTwoWayCountries: allTwoWayCountries.map((c) => c.name),
  };
}
