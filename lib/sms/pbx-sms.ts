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
    select: {
      licenses: { select: { type: true, quantity: true } },
      phoneNumbers: { select: { country: { select: { name: true, twoWaySms: true } } } },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const twoWayCountries = [
    ...new Set(pbx.phoneNumbers.filter((n) => n.country.twoWaySms).map((n) => n.country.name)),
  ].sort();
  const allTwoWayCountries = await db.country.findMany({
    where: { twoWaySms: true },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return {
    entitlements: smsEntitlements(pbx.licenses, twoWayCountries.length > 0),
    twoWayCountries,
    allTwoWayCountries: allTwoWayCountries.map((c) => c.name),
  };
}
