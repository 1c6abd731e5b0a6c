import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { portalUrl } from "@/lib/config/portal-url";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { queueMail } from "@/lib/mail";
import { ZPasswordToken, ZSetPassword } from "./schemas";

export const PASSWORD_LINK_VALID_MS = 72 * 60 * 60 * 1000;

type Tx = Pick<Db, "passwordToken" | "outboxEmail" | "auditLog">;

// Only the hash is stored: whoever reads the database (or a backup) cannot use a pending link.
export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function passwordLinkUrl(token: string, env = readRuntimeEnv()) {
  return portalUrl(`/set-password/${token}`, env);
}

/**
 * A new one-time link for `user`, mailed through the outbox and returned so the admin sees it once.
 * Earlier unused links of the user stop working: only the newest one is in anyone's hands on purpose.
 * `issuer` is the admin who sent it, or null when the user asked for it ("Forgot password") or when
 * the operator's console created the first admin (`sentBy` then names who invites).
 */
export async function issuePasswordLink(
  tx: Tx,
  issuer: Actor | null,
  user: { id: string; email: string; name: string },
  now: Date,
  sentBy = issuer?.name,
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_VALID_MS);
  await tx.passwordToken.updateMany({
    where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  await tx.passwordToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdById: issuer?.userId },
  });
  const link = passwordLinkUrl(token);
  const why = sentBy
    ? `${sentBy} sent you this link to choose your password for the CLASSOUND partner portal.`
    : "Someone, we hope you, asked to reset your password for the CLASSOUND partner portal. If it was not you, ignore this mail: your password stays as it is.";
  await queueMail(tx, [
    {
      to: user.email,
      toName: user.name,
      subject: sentBy ? "Choose your password" : "Reset your password",
      body: `Hello ${user.name},\n\n${why} The link works once, for 72 hours.\n\nYour e-mail address is your sign-in name: ${user.email}`,
      link: { url: link, label: "Choose your password" },
    },
  ]);
  // The link itself is a credential: the audit log records that one was issued, never the link.
  await recordAudit(tx, {
    actorId: issuer?.userId ?? user.id,
    action: sentBy ? "user.password_link_issued" : "user.password_reset_requested",
    entityType: "User",
    entityId: user.id,
    detail: { email: user.email, expiresAt: expiresAt.toISOString() },
  });
  return { link, expiresAt };
}

const LINK_UNUSABLE =
  'This link is invalid, has expired or has already been used. Ask for a new one with "Forgot password" on the sign-in page.';

/** Who a pending link is for, or null; for the set-password page, which has no signed-in actor. */
export async function unsafeLoadPasswordLink(db: Db, token: string, now = new Date()) {
  if (!ZPasswordToken.safeParse(token).success) return null;
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  return { email: row.user.email, name: row.user.name, expiresAt: row.expiresAt };
}

/**
 * Sets the password of the link's user. The link is claimed by a conditional update, so of two
 * uses (a double click, a forwarded mail) exactly one succeeds; the password, the claim and the
 * session cut-off commit together.
 */
export async function unsafeSetPasswordWithToken(db: Db, token: string, input: unknown, now = new Date()) {
  const { password } = parseOrThrow(ZSetPassword, input);
  if (!ZPasswordToken.safeParse(token).success) throw new AppError("INVALID", LINK_UNUSABLE);
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("INVALID", LINK_UNUSABLE);
    const { userId } = await tx.passwordToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    // Whoever held a session of this account before (e.g. with a leaked old password) is signed out.
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionsValidAfter: now },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.password_set",
      entityType: "User",
      entityId: user.id,
      detail: { via: "one-time link" },
    });
    return { email: user.email };
  });
}
