import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

/** What the "open a ticket" form offers: the partner's PBXs, the chosen PBX's numbers, and the sender-ID countries. */
export async function ticketFormOptions(db: Db, actor: Actor, pbxId?: string) {
  assertCan(actor, "tickets.use");
  const [pbxs, numbers, senderIdCountries] = await Promise.all([
    db.pbx.findMany({
      where: scope.pbxs(actor),
      orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, customer: { select: { name: true } } },
    }),
    pbxId
      ? db.phoneNumber.findMany({
          where: { AND: [scope.phoneNumbers(actor), { pbxId }] },
          orderBy: { e164: "asc" },
          select: { id: true, e164: true, countryCode: true },
        })
      : Promise.resolve([]),
    db.country.findMany({
      where: { senderIdRegistration: true },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
  ]);
  return { pbxs: pbxs.map((p) => ({ id: p.id, label: `${p.name} (${p.customer.name})` })), numbers, senderIdCountries };
}
