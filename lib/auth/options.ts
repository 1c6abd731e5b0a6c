import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "./actor";
import { authenticate } from "./authenticate";

// A business portal: sign in once per working day; accounts are re-read every minute so that
// disabling a user or changing a role takes effect without waiting for the token to expire.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const ACCOUNT_RECHECK_MS = 60 * 1000;

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

/** The account as it is now, or null when it is gone or disabled. */
export async function currentActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt) return null;
  return {
    userId: user.id,
    role: user.role as Role,
    partnerId: user.partnerId,
    customerId: user.customerId,
    name: user.name,
    email: user.email,
  };
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
      if (!token.actor) return token;
      if (Date.now() - (token.checkedAt ?? 0) < ACCOUNT_RECHECK_MS) return token;
      const actor = await currentActor(token.actor.userId);
      return { ...token, actor: actor ?? undefined, checkedAt: Date.now() };
    },
    async session({ session, token }) {
      session.actor = token.actor;
      return session;
    },
  },
};
