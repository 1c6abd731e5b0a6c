import type { Db } from "@/lib/db/client";
import { actorFromUser, type Actor } from "./actor";

// A business portal: sign in once per working day. Absolute: using the session does not extend it.
export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

export interface SessionToken {
  actor?: Actor;
  /** When the user signed in (ms). next-auth rewrites `iat` on every refresh, so it cannot serve. */
  signedInAt?: number;
  /** When this session passed a second factor (ms): set only at a sign-in that checked a code. */
  secondFactorAt?: number;
  /**
   * Set by the refresh for an admin whose session passed no second factor (not enrolled yet): the
   * session is good for enrolling and nothing else (lib/auth/session.ts gives it no actor).
   */
  secondFactorEnrolmentRequired?: boolean;
}

/**
 * The token with its actor re-read from the database on every request (one primary-key lookup), so
 * sign-out, disabling, a role or password change (User.sessionsValidAfter) take effect at once. No
 * actor when the session has ended; once gone it never comes back. A user with two-factor sign-in
 * needs a session that passed it; an admin without it is held at enrolment.
 */
export async function refreshSessionToken<T extends SessionToken>(db: Db, token: T, now = Date.now()): Promise<T> {
  if (!token.actor) return token;
  const signedInAt = token.signedInAt;
  if (typeof signedInAt !== "number" || now - signedInAt >= SESSION_MAX_AGE_MS) return { ...token, actor: undefined };
  // Unscoped: the token's own user, whose id the signed token vouches for.
  const user = await db.user.findUnique({
    where: { id: token.actor.userId },
    select: {
      id: true,
      role: true,
      partnerId: true,
      customerId: true,
      isPartnerAdmin: true,
      name: true,
      email: true,
      disabledAt: true,
      sessionsValidAfter: true,
      totpEnabledAt: true,
      partner: { select: { agreementStatus: true } },
      customer: { select: { partner: { select: { agreementStatus: true } } } },
    },
  });
  const passedSecondFactor = typeof token.secondFactorAt === "number";
  const valid =
    user &&
    !user.disabledAt &&
    signedInAt >= user.sessionsValidAfter.getTime() &&
    (passedSecondFactor || !user.totpEnabledAt);
  if (!valid) return { ...token, actor: undefined, secondFactorEnrolmentRequired: undefined };
  return {
    ...token,
    actor: actorFromUser({
      ...user,
      agreementStatus: user.partner?.agreementStatus ?? user.customer?.partner.agreementStatus ?? null,
    }),
    secondFactorEnrolmentRequired: user.role === "ADMIN" && !passedSecondFactor ? true : undefined,
  };
}
