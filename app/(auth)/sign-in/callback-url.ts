/**
 * Where to go after signing in: the page the user asked for, as a path on this origin, or null.
 * Anything else (`//evil.example`, `/\evil.example`, `https://evil.example`, `javascript:`) would
 * turn the sign-in page into an open redirect.
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    // Parsed as the browser will: it strips tabs and newlines and reads "\" as "/".
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  // A same-origin URL can still have a path that reads as protocol-relative ("/.//evil.example").
  if (url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the sign-in page would only show the form again.
  return url.pathname === "/sign-in" ? null : path;
}
