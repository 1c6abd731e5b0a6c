/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next.js
 * puts it on its own bootstrap scripts; 'strict-dynamic' lets those load the app's chunks), so an
 * injected <script> or inline handler does nothing. Styles keep 'unsafe-inline': React and Radix set
 * style attributes, which a nonce cannot cover, and a style cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  { dev = false, mapTileUrl }: { dev?: boolean; mapTileUrl?: string } = {},
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // The emergency pages' static map loads its tiles from the operator's tile server, when one is set.
    `img-src 'self' data: blob:${mapTileUrl ? ` ${new URL(mapTileUrl.replace(/[{}]/g, "")).origin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only where the portal is served over https: on plain http it would be ignored, or lock out a local install. */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}

export const NONCE_HEADER = "x-nonce";
