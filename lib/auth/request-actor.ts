import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { auditRefusal, enrollingActor, getActor } from "./session";
import { can, type Permission } from "./policy";

/** For actions and route handlers: the actor holding `permission`, or an AppError (never a redirect). */
export async function actorWith(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!can(actor, permission)) {
    await auditRefusal(actor, permission);
    throw new AppError("FORBIDDEN", "You do not have access to this.");
  }
  return actor;
}

/**
 * For the two-factor enrolment actions only: like `actorWith`, but an admin held at enrolment (whose
 * session has no actor for anything else) counts as signed in.
 */
export async function enrollingActorWith(permission: Permission): Promise<Actor> {
  const actor = await enrollingActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "You do not have access to this.");
  return actor;
}
