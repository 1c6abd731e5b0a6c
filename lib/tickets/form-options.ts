import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

/**
 * What the "open a ticket" form offers: the partner's PBXs, the sender-ID countries, and of the
 * numbers a link prefilled, those of the chosen PBX (the form searches the rest on the server).
 */
export async function ticketFormOptions(db: Db, actor: Actor, pbxId?: string, numberIds: string[] = []) {
  assertCan(actor, "tickets.use");
  const [pbxs, numbers, senderIdCountries] = await Promise.all([
    db.pbx.findMany({
      where: scope.pbxs(actor),
      orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, customer: { select: { name: true } } },
    }),
    pbxId && numberIds.length
      ? db.phoneNumber.findMany({
          where: { AND: [scope.phoneNumbers(actor), { pbxId, id: { in: numberIds } }] },
          select: { id: true },
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
