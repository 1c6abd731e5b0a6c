import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { clientAddress } from "./client-address";
import { authOptions } from "./options";
import { can, type Permission } from "./policy";
import { PATH_HEADER } from "./path-header";

export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  return session?.actor ?? null;
}

/** The signed-in actor, or a redirect to the sign-in page, which brings the user back here afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get(PATH_HEADER);
    redirect(path && path !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
  }
  return actor;
}

/** Records a refused access in the audit log. */
export async function auditRefusal(actor: Actor, permission: Permission) {
  const h = await headers();
  await recordAudit(db(), {
    actorId: actor.userId,
    action: "access.refused",
    ip: clientAddress(h),
    detail: { permission, path: h.get(PATH_HEADER) },
  });
}

/** For pages: the actor when it holds `permission`; otherwise the 403 page, and an audit entry. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) {
    await auditRefusal(actor, permission);
    forbidden();
  }
  return actor;
}
