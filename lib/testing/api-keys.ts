import { createPartnerKey } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";
import type { Db } from "@/lib/db/client";
import { actorOf, makeUser } from "./fixtures";

/** A key of the partner's, made as its administrator makes one in the portal. */
export async function makePartnerApiKey(db: Db, partner: { id: string }, scopes: ApiScope[]) {
  const user = await makeUser(db, "PARTNER", { partnerId: partner.id });
  const admin = actorOf(await db.user.update({ where: { id: user.id }, data: { isPartnerAdmin: true } }));
  return (await createPartnerKey(db, admin, { name: "Partner system", scopes })).key;
}
