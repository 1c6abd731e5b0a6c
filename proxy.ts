import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";

// Not an authorization layer (every page, action and route handler checks access itself): it only
// tells server code which path was requested, for the audit log. Any client-sent value is replaced.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

// Route handlers under /api are left out: the proxy buffers request bodies up to 10 MB and silently
// cuts the rest, which would corrupt uploads at the documented limit (route code checks everything itself).
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
