import type { Db } from "@/lib/db/client";

// Failed sign-ins are counted in the database, so every app instance enforces the same limit. Only
// real password checks are recorded: a throttled attempt neither counts nor renews a lock.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Refused: this account from this address. An attacker elsewhere cannot lock the owner out. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Refused: this address, whatever the accounts (password spraying). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Slowed, never refused: this account from everywhere (a distributed guess at one password). */
export const ACCOUNT_SLOWDOWN_AFTER_FAILURES = 10;
export const ACCOUNT_SLOWDOWN_MS = 2_000;

export interface SignInThrottle {
  /** Refuse without looking at the password. */
  refused: boolean;
  /** Wait this long before answering. */
  delayMs: number;
}

export async function signInThrottle(db: Db, email: string, ip: string, now = new Date()): Promise<SignInThrottle> {
  const createdAt = { gte: new Date(now.getTime() - SIGN_IN_WINDOW_MS) };
  const [byPair, byAddress, byAccount] = await Promise.all([
    db.signInAttempt.count({ where: { email, ip, succeeded: false, createdAt } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt } }),
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt } }),
  ]);
  return {
    refused: byPair >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS || byAddress >= MAX_FAILURES_PER_ADDRESS,
    delayMs: byAccount >= ACCOUNT_SLOWDOWN_AFTER_FAILURES ? ACCOUNT_SLOWDOWN_MS : 0,
  };
}

export async function recordSignInAttempt(db: Db, email: string, ip: string, succeeded: boolean) {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
}
