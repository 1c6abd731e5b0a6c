import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";
import { refreshSessionToken } from "./token";

// A business portal: sign in once per working day.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
    checkedAt?: number;
  }
}

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  // The last hop is the one our own server saw; earlier entries are whatever the client claimed.
  return value.split(",").map((s) => s.trim()).filter(Boolean).at(-1) ?? "unknown";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(db(), credentials, clientIp(req?.headers));
        if (!result.ok) return null;
        return { id: result.actor.userId, name: result.actor.name, email: result.actor.email, actor: result.actor };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, actor: user.actor, checkedAt: Date.now() };
      return refreshSessionToken(db(), token);
    },
    async session({ session, token }) {
      session.actor = token.actor;
      return session;
    },
  },
};
