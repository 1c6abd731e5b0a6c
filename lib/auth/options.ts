import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { revokeSessions } from "./revoke-sessions";
import { SESSION_MAX_AGE_MS, refreshSessionToken } from "./token";

export const SESSION_MAX_AGE_SECONDS = SESSION_MAX_AGE_MS / 1000;

declare module "next-auth" {
  interface Session {
    actor?: Actor;
  }
  interface User {
    actor: Actor;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    actor?: Actor;
    signedInAt?: number;
  }
}

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
        if (!result.ok) return null;
        return { id: result.actor.userId, name: result.actor.name, email: result.actor.email, actor: result.actor };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, actor: user.actor, signedInAt: Date.now() };
      return refreshSessionToken(db(), token);
    },
    async session({ session, token }) {
      // An ended session (signed out elsewhere, disabled, past 8 hours) tells nothing about whose it was.
      if (!token.actor) return { expires: session.expires };
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
