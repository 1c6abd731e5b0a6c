import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { matchTotpStep } from "./totp";

// Wrong codes are counted per account in the database (every app instance shares them). Only a
// holder of the password gets this far, so refusing the account everywhere is no lock-out weapon
// for strangers; six digits cannot be guessed in 5 tries (3 codes of a million are right at a time).
export const SECOND_FACTOR_WINDOW_MS = 15 * 60 * 1000;
export const MAX_SECOND_FACTOR_FAILURES = 5;

export type SecondFactorCheck = "ok" | "invalid" | "throttled";

type Tx = Prisma.TransactionClient;

/** Serialises the checks of one account, so parallel guesses cannot all pass the count before any is recorded. */
export async function lockSecondFactor(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('classound.second-factor'), hashtext(${userId}))`;
}

/** A code from the user's authenticator that was not used before, or one of their unused recovery codes. */
async function acceptCode(tx: Tx, userId: string, code: string, now: Date): Promise<"totp" | "recovery" | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return null;
  const step = matchTotpStep(user.totpSecret, code, now);
  if (step !== null) {
    // A code is good once: its step must be later than the last one accepted (a shoulder-surfed or
    // phished code replayed within its 90 seconds is refused).
    if (user.totpLastStep !== null && step <= user.totpLastStep) return null;
    await tx.user.update({ where: { id: userId }, data: { totpLastStep: step } });
    return "totp";
  }
  if (looksLikeRecoveryCode(code) && (await consumeRecoveryCode(tx, userId, code, now))) return "recovery";
  return null;
}

/**
 * Checks the second factor of a user whose password was just verified. Past the limit the code is
 * not looked at (and not counted again, so waiting ends the refusal).
 */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  code: string,
  ip: string,
  now = new Date(),
): Promise<SecondFactorCheck> {
  return db.$transaction(async (tx) => {
    await lockSecondFactor(tx, userId);
    const failures = await tx.secondFactorFailure.count({
      where: { userId, createdAt: { gte: new Date(now.getTime() - SECOND_FACTOR_WINDOW_MS) } },
    });
    if (failures >= MAX_SECOND_FACTOR_FAILURES) {
      await recordAudit(tx, { actorId: userId, action: "auth.second_factor_throttled", ip });
      return "throttled";
    }
    const accepted = await acceptCode(tx, userId, code.trim(), now);
    if (!accepted) {
      await tx.secondFactorFailure.create({ data: { userId, ip, createdAt: now } });
      await recordAudit(tx, { actorId: userId, action: "auth.second_factor_failed", ip });
      return "invalid";
    }
    if (accepted === "recovery") await recordAudit(tx, { actorId: userId, action: "auth.recovery_code_used", ip });
    return "ok";
  });
}
