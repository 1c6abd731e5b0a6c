import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { clientAddress } from "./client-address";
import { authOptions } from "./options";
import { can, type Permission } from "./policy";
import { PATH_HEADER } from "./path-header";

/** Where an admin whose session passed no second factor is sent, and may do nothing but enrol. */
export const SECOND_FACTOR_ENROLMENT_PATH = "/two-factor";

/**
 * The request's session, read once per server render: the layout, the page and its components each
 * ask, and every read decrypts the cookie and re-reads the user (lib/auth/token.ts). React's cache
 * lasts one request (route handlers keep nothing), and a request's cookie does not change within it.
 */
const currentSession = cache(() => getServerSession(authOptions));

/**
 * The actor of a complete session. An admin without a second factor has none (lib/auth/token.ts), so
 * every page, action and route handler refuses them; only the enrolment page asks `enrollingActor`.
 */
export async function getActor(): Promise<Actor | null> {
  const session = await currentSession();
  return session?.actor ?? null;
}

async function redirectToSignIn(): Promise<never> {
  const path = (await headers()).get(PATH_HEADER);
  redirect(path && path !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
}

/** The signed-in actor, or a redirect to the sign-in page (which brings the user back here afterwards) or to enrolment. */
export async function requireActor(): Promise<Actor> {
  const session = await currentSession();
  if (session?.actor) return session.actor;
  if (session?.enrollingActor) redirect(SECOND_FACTOR_ENROLMENT_PATH);
  return redirectToSignIn();
}

/** For the enrolment page and its actions: the signed-in user, complete session or held at enrolment. */
export async function enrollingActor(): Promise<Actor | null> {
  const session = await currentSession();
  return session?.actor ?? session?.enrollingActor ?? null;
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
