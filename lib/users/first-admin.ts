import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { NO_PASSWORD, isUniqueViolation } from "./mutations";
import { issuePasswordLink } from "./password-links";
import { ZNewAdmin } from "./schemas";

/** Who invites the admins `npm run admin:create` makes, in their mail. */
export const ADMIN_CREATE_SENDER = "The CLASSOUND operator (npm run admin:create)";

/**
 * An admin account made from the operator's console (issue 31): the first one on a production
 * database, or a later one when every admin is locked out. Unsafe: no actor is checked, since whoever
 * runs the command already holds the database. The account has no password until its owner opens the
 * one-time link, and enrols a second factor at its first sign-in, like every admin.
 */
export async function unsafeCreateAdmin(db: Db, input: unknown, now = new Date()) {
  const { name, email } = parseOrThrow(ZNewAdmin, input);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name, email, role: "ADMIN", passwordHash: NO_PASSWORD, sessionsValidAfter: now },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        detail: { email, name, role: "ADMIN", by: "admin:create" },
      });
      const { link, expiresAt } = await issuePasswordLink(tx, null, user, now, ADMIN_CREATE_SENDER);
      return { user, link, expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${email} already has an account.`);
    throw error;
  }
}
