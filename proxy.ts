import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { NONCE_HEADER, contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

// Not an authorization layer (every page, action and route handler checks access itself). It gives
// each page request a fresh CSP nonce, HSTS when the portal is on https, and tells server code which
// path was requested, for the audit log. Any client-sent copy of these headers is replaced.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    mapTileUrl: process.env.MAP_TILE_URL || undefined,
  });
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

// Route handlers under /api are left out: the proxy buffers request bodies up to 10 MB and silently
// cuts the rest, which would corrupt uploads at the documented limit (route code checks everything
// itself, and its responses are JSON or files, which carry their own headers).
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
