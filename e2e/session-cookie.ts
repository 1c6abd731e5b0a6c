import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { actorFromUser } from "@/lib/auth/actor";
import { SESSION_MAX_AGE_MS } from "@/lib/auth/token";

// Signing in through the sign-in page costs a page load, an argon2 verification and a dashboard
// render; only the specs about signing in need that. The others get the cookie next-auth itself would
// set: the same JWE, encrypted with the server's secret, carrying what lib/auth/options.ts puts in a
// token at sign-in, the second factor passed. The server re-reads the user on every request (lib/auth/token.ts), so a minted
// session ends on sign-out, disabling, a role or password change and after 8 hours like a real one.

type SessionUser = Parameters<typeof actorFromUser>[0];

/** The secret `npm start` signs sessions with: NEXTAUTH_SECRET, or the one it generated into the data directory. */
export function serverSecret(dataDir: string) {
  return process.env.NEXTAUTH_SECRET ?? readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
}

/** A session cookie for `user` on `baseURL`, as the credentials sign-in would have set it. */
export async function sessionCookie(user: SessionUser, { baseURL, secret }: { baseURL: string; secret: string }) {
  const secure = baseURL.startsWith("https:");
  const value = await encode({
    // As if signed in with a second factor: admins must have passed one (lib/auth/token.ts); for others it is moot.
    token: {
      name: user.name,
      email: user.email,
      sub: user.id,
      actor: actorFromUser(user),
      signedInAt: Date.now(),
      secondFactorAt: Date.now(),
    },
    secret,
    maxAge: SESSION_MAX_AGE_MS / 1000,
  });
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value,
    url: baseURL,
    httpOnly: true,
    secure,
    sameSite: "Lax" as const,
  };
}
