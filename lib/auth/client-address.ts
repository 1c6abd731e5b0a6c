import { readRuntimeEnv } from "@/lib/config/runtime";

/**
 * Set by scripts/server.ts to the TCP peer's address after deleting any client-sent copy. Next.js
 * hands route code no peer address, and X-Forwarded-For is whatever a directly connecting client wrote.
 */
export const CLIENT_ADDRESS_HEADER = "x-classound-client-ip";

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  // Next's headers() is a Headers lookalike; next-auth hands authorize a plain object.
  if (typeof headers.get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : undefined;
}

// IPv4 clients of a dual-stack socket appear as "::ffff:1.2.3.4": one client, one spelling.
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address for throttling and audit. The peer address, unless the operator declared
 * `hops` proxies in front (TRUSTED_PROXY_HOPS): then the hops-th X-Forwarded-For entry from the
 * right, the one the outermost trusted proxy saw. Entries further left are the client's own claims.
 */
export function clientAddress(headers: HeaderSource, hops = readRuntimeEnv().TRUSTED_PROXY_HOPS): string {
  const peer = headerValue(headers, CLIENT_ADDRESS_HEADER)?.trim();
  // Without our server in front nothing here can be trusted, least of all X-Forwarded-For.
  if (!peer) return "unknown";
  if (hops === 0) return normalise(peer);
  const forwarded = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them all, so only the peer is known.
  const address = forwarded.length >= hops ? forwarded[forwarded.length - hops] : peer;
  return normalise(address!);
}
