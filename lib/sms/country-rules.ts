import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

/** R15's per-country rules, kept as seed data on Country: where two-way SMS works, where sender IDs need registering. */
export async function smsCountryRules(db: Db, actor: Actor) {
  assertCan(actor, "sms.view");
  const countries = await db.country.findMany({
    where: { OR: [{ twoWaySms: true }, { senderIdRegistration: true }] },
    orderBy: { name: "asc" },
    select: { name: true, twoWaySms: true, senderIdRegistration: true },
  });
  return {
    twoWayCountries: countries.filter((c) => c.twoWaySms).map((c) => c.name),
    senderIdCountries: countries.filter((c) => c.senderIdRegistration).map((c) => c.name),
  };
}
