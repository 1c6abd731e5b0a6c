import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The name and customer of a PBX the actor may see, or NOT_FOUND (another tenant's id looks missing). */
export async function loadPbxHeading(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "pbx.view");
  const pbx = await db.pbx.findFirst({ where: { AND: [scope.pbxs(actor), { id: pbxId }] }, select: { id: true, name: true, serial: true, customer: { select: { name: true } } } });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return pbx;
}
