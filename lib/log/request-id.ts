import { randomUUID } from "node:crypto";

/** The header the request id travels in: read from a trusted proxy, set on every request and response. */
export const REQUEST_ID_HEADER = "x-request-id";

// What a proxy's id may look like (nginx's $request_id, a UUID, AWS's Root=1-…): anything else is
// replaced, so a log line or an audit row never carries markup or a megabyte of header.
const ACCEPTED = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/**
 * The id of a request: the one the proxy in front sent, when the operator declared proxies
 * (TRUSTED_PROXY_HOPS, as for the client address) and it looks like an id; otherwise a new UUID. With
 * no proxy declared, a client-sent X-Request-Id is the client's word and is not taken.
 */
export function requestIdFor(sent: string | string[] | undefined, trustedProxyHops: number): string {
  const value = typeof sent === "string" ? sent.trim() : undefined;
  return trustedProxyHops > 0 && value && ACCEPTED.test(value) ? value : randomUUID();
}
