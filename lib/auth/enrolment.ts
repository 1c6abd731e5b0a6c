import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorFromUser, type Actor } from "./actor";
import { assertCan } from "./policy";
import { replaceRecoveryCodes } from "./recovery-codes";
import { lockSecondFactor, verifySecondFactor } from "./second-factor";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp";

/** How long the ticket from a confirmed enrolment may be turned into a session. */
export const SECOND_FACTOR_TICKET_VALID_MS = 2 * 60 * 1000;

const hashTicket = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * Starts enrolment: a new secret, kept pending until a code from it comes back, as a QR code for the
 * authenticator app and as text for typing in. Starting again replaces the pending secret.
 */
export async function beginEnrolment(db: Db, actor: Actor) {
  assertCan(actor, "account.manage");
  const secret = newTotpSecret();
  const { count } = await db.user.updateMany({
    where: { id: actor.userId, totpEnabledAt: null },
    data: { totpPendingSecret: secret },
  });
  if (!count) throw new AppError("CONFLICT", "Two-factor sign-in is already on for your account.");
  const uri = totpUri(secret, actor.email);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Turns two-factor sign-in on with the first code from the pending secret. Every session of the
 * account that passed no second factor ends at its next request (lib/auth/token.ts), this one too:
 * the one-time ticket returned signs this browser in again with the second factor passed. The
 * recovery codes are returned in clear this once.
 */
export async function confirmEnrolment(db: Db, actor: Actor, code: string, now = new Date()) {
  assertCan(actor, "account.manage");
  const ticketSecret = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    await lockSecondFactor(tx, actor.userId);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { totpPendingSecret: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on for your account.");
    if (!user.totpPendingSecret) throw new AppError("CONFLICT", "Start again: scan a new code.");
    const step = matchTotpStep(user.totpPendingSecret, code.trim(), now);
    if (step === null)
      throw new AppError("INVALID", "Check the highlighted fields.", {
        code: ["This is not the code your app shows now. Check that your phone's clock is right."],
      });
    await tx.user.update({
      where: { id: actor.userId },
      data: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
        secondFactorTicketHash: hashTicket(ticketSecret),
        secondFactorTicketExpiresAt: new Date(now.getTime() + SECOND_FACTOR_TICKET_VALID_MS),
      },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.second_factor_enabled",
      entityType: "User",
      entityId: actor.userId,
    });
    return { recoveryCodes, ticket: `${actor.userId}.${ticketSecret}` };
  });
}

/**
 * The actor of a ticket from `confirmEnrolment`, used up; null when it is unknown, expired, used or
 * its user disabled. For next-auth's sign-in, which has no actor yet.
 */
export async function unsafeRedeemSecondFactorTicket(db: Db, ticket: unknown, now = new Date()): Promise<Actor | null> {
  if (typeof ticket !== "string" || ticket.length > 200) return null;
  const [userId, secret] = ticket.split(".");
  if (!userId || !secret) return null;
  // One conditional update claims it: of two uses exactly one signs in.
  const { count } = await db.user.updateMany({
    where: {
      id: userId,
      secondFactorTicketHash: hashTicket(secret),
      secondFactorTicketExpiresAt: { gt: now },
      disabledAt: null,
      totpEnabledAt: { not: null },
    },
    data: { secondFactorTicketHash: null, secondFactorTicketExpiresAt: null, lastSignInAt: now },
  });
  if (count !== 1) return null;
  return actorFromUser(await db.user.findUniqueOrThrow({ where: { id: userId } }));
}

/** A current code or an unused recovery code of the actor, or an AppError on the form's code field. */
async function requireCode(db: Db, actor: Actor, code: string, ip: string) {
  const check = await verifySecondFactor(db, actor.userId, code, ip);
  if (check === "throttled") throw new AppError("FORBIDDEN", "Too many wrong codes. Try again in 15 minutes.");
  if (check === "invalid")
    throw new AppError("INVALID", "Check the highlighted fields.", {
      code: ["This code is not right, or was used already. Type the code your app shows now."],
    });
}

/** New recovery codes for the actor (the old ones stop working), after a current code. */
export async function renewRecoveryCodes(db: Db, actor: Actor, code: string, ip: string) {
  assertCan(actor, "account.manage");
  await requireCode(db, actor, code, ip);
  return db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.recovery_codes_renewed",
      entityType: "User",
      entityId: actor.userId,
    });
    return codes;
  });
}

/** Turns two-factor sign-in off, after a current code. Admins must keep it. */
export async function turnOffSecondFactor(db: Db, actor: Actor, code: string, ip: string) {
  assertCan(actor, "account.manage");
  if (actor.role === "ADMIN") throw new AppError("FORBIDDEN", "Admins must keep two-factor sign-in on.");
  await requireCode(db, actor, code, ip);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.second_factor_disabled",
      entityType: "User",
      entityId: actor.userId,
    });
  });
}

/** What the account page shows: on since when, and how many recovery codes are left. */
export async function secondFactorStatus(db: Db, actor: Actor) {
  assertCan(actor, "account.manage");
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return { enabledAt: user.totpEnabledAt, recoveryCodesLeft, required: actor.role === "ADMIN" };
}
