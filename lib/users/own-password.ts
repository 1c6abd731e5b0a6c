import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZChangePassword } from "./schemas";

// A stolen session must not become a way to guess the password (and so to lock the owner out):
// wrong current passwords are limited like failed sign-ins.
export const PASSWORD_CHANGE_MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Changes the actor's own password after checking the current one. Every session of the account,
 * this one included, is cut off: the caller signs the user out so they sign in with the new one.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "account.manage");
  const { currentPassword, newPassword } = parseOrThrow(ZChangePassword, input);
  const recentFailures = await db.auditLog.count({
    where: {
      actorId: actor.userId,
      action: "user.password_change_refused",
      createdAt: { gt: new Date(now.getTime() - FAILURE_WINDOW_MS) },
    },
  });
  if (recentFailures >= PASSWORD_CHANGE_MAX_FAILURES)
    throw new AppError("FORBIDDEN", "Too many wrong passwords. Try again in 15 minutes.");
  const user = await db.user.findUnique({ where: { id: actor.userId } });
  if (!user || user.disabledAt) throw new AppError("UNAUTHENTICATED", "Sign in again.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, {
      actorId: actor.userId,
      action: "user.password_change_refused",
      entityType: "User",
      entityId: user.id,
      detail: { reason: "wrong current password" },
    });
    throw new AppError("INVALID", "Check the highlighted fields.", {
      currentPassword: ["This is not your current password."],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    // Conditional on the hash just verified, so two concurrent changes cannot both pass the check.
    const changed = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, sessionsValidAfter: now },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Your password was changed meanwhile. Sign in again.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.password_changed",
      entityType: "User",
      entityId: user.id,
    });
  });
}
