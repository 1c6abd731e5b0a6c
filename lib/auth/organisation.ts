import type { Db } from "@/lib/db/client";
import type { Actor } from "./actor";

/** The name shown in the header: the operator, the partner company or the customer company. */
export async function organisationName(db: Db, actor: Actor): Promise<string> {
  if (actor.partnerId)
    return (await db.partner.findUnique({ where: { id: actor.partnerId }, select: { name: true } }))?.name ?? "";
  if (actor.customerId)
    return (await db.customer.findUnique({ where: { id: actor.customerId }, select: { name: true } }))?.name ?? "";
  return "CLASSOUND operations";
}
