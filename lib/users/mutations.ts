import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadManagedUser, verifiedAccess, type VerifiedAccess } from "./access";
import { issuePasswordLink } from "./password-links";
import { ZAccessChange, ZNewUser } from "./schemas";

// The new account cannot sign in until its owner chooses a password through the link: this hash
// matches no password (argon2 verification of a non-hash fails).
export const NO_PASSWORD = "!unset";

export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** What a form says beside the e-mail field when the address already has an account. */
export const EMAIL_TAKEN = "This e-mail address already has an account.";

/**
 * The account and its one-time set-password link, in the caller's transaction: the one way an
 * account is invited (a user created here, a partner's first admin at onboarding). The access must
 * be verified already. A taken e-mail fails on the unique index (`isUniqueViolation`).
 */
export async function createInvitedUser(
  tx: Prisma.TransactionClient,
  actor: Actor,
  account: { name: string; email: string } & VerifiedAccess,
  now: Date,
) {
  const user = await tx.user.create({ data: { ...account, passwordHash: NO_PASSWORD, sessionsValidAfter: now } });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "user.created",
    entityType: "User",
    entityId: user.id,
    detail: { ...account },
  });
  const { link, expiresAt } = await issuePasswordLink(tx, actor, user, now);
  return { user, link, expiresAt };
}

/** Creates an account and its one-time set-password link (mailed, and returned to show once). */
export async function createUser(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "users.manage");
  const { name, email, ...access } = parseOrThrow(ZNewUser, input);
  try {
    return await db.$transaction(async (tx) => {
      const verified = await verifiedAccess(tx, actor, access);
      return createInvitedUser(tx, actor, { email, name, ...verified }, now);
    });
  } catch (error) {
    // The unique index decides, not a prior lookup that a concurrent create could slip past.
    if (isUniqueViolation(error))
      throw new AppError("INVALID", "Check the highlighted fields.", { email: [EMAIL_TAKEN] });
    throw error;
  }
}

function refuseSelf(actor: Actor, userId: string, what: string) {
  if (actor.userId === userId) throw new AppError("FORBIDDEN", `You cannot ${what} your own account.`);
}

/** Changes role, partner-admin flag or tenant; open sessions of the user are cut off. */
export async function changeUserAccess(db: Db, actor: Actor, userId: string, input: unknown, now = new Date()) {
  assertCanChange(actor, "users.manage");
  const access = parseOrThrow(ZAccessChange, input);
  return db.$transaction(async (tx) => {
    const before = await loadManagedUser(tx, actor, userId);
    refuseSelf(actor, before.id, "change the role of");
    const verified = await verifiedAccess(tx, actor, access);
    const from = {
      role: before.role,
      isPartnerAdmin: before.isPartnerAdmin,
      partnerId: before.partnerId,
      customerId: before.customerId,
    };
    if ((Object.keys(verified) as (keyof typeof verified)[]).every((key) => verified[key] === from[key])) return before;
    const user = await tx.user.update({ where: { id: before.id }, data: { ...verified, sessionsValidAfter: now } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.role_changed",
      entityType: "User",
      entityId: user.id,
      detail: { email: user.email, from, to: { ...verified } },
    });
    return user;
  });
}

/** Disables an account: it can no longer sign in, and open sessions end at their next re-check. */
export async function disableUser(db: Db, actor: Actor, userId: string, now = new Date()) {
  assertCanChange(actor, "users.manage");
  return db.$transaction(async (tx) => {
    const before = await loadManagedUser(tx, actor, userId);
    refuseSelf(actor, before.id, "disable");
    if (before.disabledAt) return before;
    const user = await tx.user.update({ where: { id: before.id }, data: { disabledAt: now, sessionsValidAfter: now } });
    // Its pending set-password links die with it: enabling the account again must not revive them.
    await tx.passwordToken.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.disabled",
      entityType: "User",
      entityId: user.id,
      detail: { email: user.email },
    });
    return user;
  });
}

export async function enableUser(db: Db, actor: Actor, userId: string) {
  assertCanChange(actor, "users.manage");
  return db.$transaction(async (tx) => {
    const before = await loadManagedUser(tx, actor, userId);
    if (!before.disabledAt) return before;
    const user = await tx.user.update({ where: { id: before.id }, data: { disabledAt: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.enabled",
      entityType: "User",
      entityId: user.id,
      detail: { email: user.email },
    });
    return user;
  });
}

/** A fresh one-time link, e.g. when the first one expired or the user forgot the password. */
export async function sendPasswordLink(db: Db, actor: Actor, userId: string, now = new Date()) {
  assertCanChange(actor, "users.manage");
  return db.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, userId);
    if (user.disabledAt) throw new AppError("CONFLICT", "Enable this user before sending a password link.");
    return issuePasswordLink(tx, actor, user, now);
  });
}
