import type { Db } from "@/lib/db/client";

/**
 * Ends every session of a user issued before `now`: a JWT cannot be withdrawn, so the token refresh
 * (lib/auth/token.ts) refuses tokens signed in before this time. Call it on sign-out, and when a user
 * is disabled or their role or password changes.
 */
export async function revokeSessions(db: Db, userId: string, now = new Date()): Promise<void> {
  // updateMany: signing out of an account deleted meanwhile is not an error.
  await db.user.updateMany({ where: { id: userId }, data: { sessionsValidAfter: now } });
}
