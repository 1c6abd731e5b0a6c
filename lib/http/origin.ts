import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";

/**
 * Route handlers get no CSRF protection from Next.js (server actions do): a request that changes
 * state must come from a page of the portal itself. Browsers send `Origin` on every POST; a missing,
 * `null` or foreign one is refused.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  return allowedOrigins(request).has(origin);
}

function allowedOrigins(request: Request): Set<string> {
  const allowed = new Set<string>();
  const publicUrl = readRuntimeEnv().NEXTAUTH_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed;
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "This request did not come from the portal.");
}
