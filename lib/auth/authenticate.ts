import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { actorFromUser, type Actor } from "./actor";
import { decoyPasswordHash, verifyPassword } from "./password";
import { verifySecondFactor } from "./second-factor";
import { recordSignInAttempt, signInThrottle } from "./sign-in-throttle";
import { ZSignIn } from "./schemas";

export type SignInResult =
  /** `secondFactor`: the session passed a second factor (lib/auth/token.ts requires it of enrolled users and admins). */
  { ok: true; actor: Actor; secondFactor: boolean } | { ok: false; reason: SignInRefusal };

/**
 * "invalid" and "throttled" are shown alike. The second-factor reasons come only after the right
 * password, so telling them apart reveals nothing to someone without it.
 */
export type SignInRefusal =
  "invalid" | "throttled" | "second_factor_required" | "second_factor_invalid" | "second_factor_throttled";

/** What takes time in a sign-in, injectable so tests can see it run without measuring it. */
export interface AuthenticateDeps {
  verifyPassword: (passwordHash: string, password: string) => Promise<boolean>;
  sleep: (ms: number) => Promise<void>;
}

const defaultDeps: AuthenticateDeps = {
  verifyPassword,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Checks credentials. The caller shows one generic message for every failure, so a response never
 * tells whether the account exists, is disabled or is locked.
 */
export async function authenticate(
  db: Db,
  input: unknown,
  ip: string,
  deps: AuthenticateDeps = defaultDeps,
): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, code } = parsed.data;

  const throttle = await signInThrottle(db, email, ip);
  if (throttle.delayMs > 0) await deps.sleep(throttle.delayMs);

  if (throttle.refused) {
    // The same lookup and hash as a real failure: a refusal that answers faster would tell an attacker
    // which account/address pairs are locked. Nothing is recorded as a failure, so it does not renew the lock.
    await unsafeFindUserByEmail(db, email);
    await deps.verifyPassword(await decoyPasswordHash(), password);
    await recordAudit(db, { action: "auth.sign_in_throttled", ip, detail: { email } });
    return { ok: false, reason: "throttled" };
  }

  const user = await unsafeFindUserByEmail(db, email);
  const passwordOk = await deps.verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordSignInAttempt(db, email, ip, false);
    await recordAudit(db, {
      actorId: user?.id,
      action: "auth.sign_in_failed",
      ip,
      detail: { email, reason: !user ? "unknown_account" : user.disabledAt ? "disabled" : "wrong_password" },
    });
    return { ok: false, reason: "invalid" };
  }

  if (user.totpEnabledAt) {
    // Neither a success nor a failure of the password yet: the sign-in is complete only with the code.
    if (!code) return { ok: false, reason: "second_factor_required" };
    const check = await verifySecondFactor(db, user.id, code, ip);
    if (check !== "ok") return { ok: false, reason: `second_factor_${check}` };
  }
  await recordSignInAttempt(db, email, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", ip });
  return { ok: true, actor: actorFromUser(user), secondFactor: user.totpEnabledAt !== null };
}

// Unscoped by nature: at sign-in there is no actor yet to scope by.
function unsafeFindUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email } });
}
