import type { Db } from "@/lib/db/client";
import { actorFromUser, type Actor } from "./actor";

// A JWT session cannot be revoked, so the account behind it is re-read at this interval: disabling
// a user or changing a role takes effect within a minute.
export const ACCOUNT_RECHECK_MS = 60 * 1000;

export interface SessionToken {
  actor?: Actor;
  checkedAt?: number;
}

/** The token with its actor re-read from the database when due; no actor when the account is gone or disabled. */
export async function refreshSessionToken<T extends SessionToken>(db: Db, token: T, now = Date.now()): Promise<T> {
  if (!token.actor || now - (token.checkedAt ?? 0) < ACCOUNT_RECHECK_MS) return token;
  const user = await db.user.findUnique({ where: { id: token.actor.userId } });
  const actor = user && !user.disabledAt ? actorFromUser(user) : undefined;
  return { ...token, actor, checkedAt: now };
}
