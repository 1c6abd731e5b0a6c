import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { actorFromUser, type Actor } from "./actor";
import { decoyPasswordHash, verifyPassword } from "./password";
import { isSignInThrottled, recordSignInAttempt } from "./sign-in-throttle";
import { ZSignIn } from "./schemas";

export type SignInResult = { ok: true; actor: Actor } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks credentials. The caller shows one generic message for every failure, so a response never
 * tells whether the account exists, is disabled or is locked.
 */
export async function authenticate(db: Db, input: unknown, ip: string): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  if (await isSignInThrottled(db, email, ip)) {
    await recordSignInAttempt(db, email, ip, false);
    await recordAudit(db, { action: "auth.sign_in_throttled", ip, detail: { email } });
    return { ok: false, reason: "throttled" };
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
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

  await recordSignInAttempt(db, email, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", ip });
  return { ok: true, actor: actorFromUser(user) };
}
