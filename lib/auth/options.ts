import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { unsafeRedeemSecondFactorTicket } from "./enrolment";
import { clientAddress } from "./client-address";
import { revokeSessions } from "./revoke-sessions";
import { SESSION_MAX_AGE_MS, refreshSessionToken } from "./token";

export const SESSION_MAX_AGE_SECONDS = SESSION_MAX_AGE_MS / 1000;

declare module "next-auth" {
  interface Session {
    actor?: Actor;
    /** An admin who must turn on two-factor sign-in before anything else: no `actor` until then. */
    enrollingActor?: Actor;
  }
  interface User {
    actor: Actor;
    secondFactor: boolean;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    actor?: Actor;
    signedInAt?: number;
    secondFactorAt?: number;
    secondFactorEnrolmentRequired?: boolean;
  }
}

/** Errors `authorize` throws so the sign-in form can ask for the code; next-auth hands the message back. */
export const SECOND_FACTOR_ERRORS = ["second_factor_required", "second_factor_invalid", "second_factor_throttled"];

export const authOptions: NextAuthOptions = {
  // The cookie's expiry slides with use; the absolute eight hours are enforced from `signedInAt`.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(db(), credentials, clientAddress(req?.headers));
        if (!result.ok) {
          if (SECOND_FACTOR_ERRORS.includes(result.reason)) throw new Error(result.reason);
          return null;
        }
        const { actor, secondFactor } = result;
        return { id: actor.userId, name: actor.name, email: actor.email, actor, secondFactor };
      },
    }),
    // The one-time ticket of a just-confirmed enrolment (lib/auth/enrolment.ts): this browser's
    // session ended with the enrolment, and this one has the second factor passed.
    CredentialsProvider({
      id: "second-factor-ticket",
      name: "Two-factor enrolment",
      credentials: { ticket: { type: "text" } },
      async authorize(credentials) {
        const actor = await unsafeRedeemSecondFactorTicket(db(), credentials?.ticket);
        if (!actor) return null;
        return { id: actor.userId, name: actor.name, email: actor.email, actor, secondFactor: true };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const now = Date.now();
        return {
          ...token,
          actor: user.actor,
          signedInAt: now,
          secondFactorAt: user.secondFactor ? now : undefined,
          secondFactorEnrolmentRequired: user.actor.role === "ADMIN" && !user.secondFactor ? true : undefined,
        };
      }
      return refreshSessionToken(db(), token);
    },
    async session({ session, token }) {
      // An ended session (signed out elsewhere, disabled, past 8 hours) tells nothing about whose it was.
      if (!token.actor) return { expires: session.expires };
      if (token.secondFactorEnrolmentRequired) return { expires: session.expires, enrollingActor: token.actor };
      session.actor = token.actor;
      return session;
    },
  },
  events: {
    // Sign-out only clears this browser's cookie: a copy of the token would stay valid until it expired.
    async signOut({ token }) {
      if (token?.actor) await revokeSessions(db(), token.actor.userId, new Date());
    },
  },
};
