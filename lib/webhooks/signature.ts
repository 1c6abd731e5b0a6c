import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures, Stripe's scheme: `Classound-Signature: t=<unix seconds>,v1=<hex>` where the hex is
 * HMAC-SHA256(secret, "<t>.<body>"). While a rotated secret is still honoured the header carries one
 * `v1` per secret. A receiver checks one of them matches and that `t` is recent (no replays).
 */
export const SIGNATURE_HEADER = "Classound-Signature";

/** How old (or how far ahead) a timestamp a receiver accepts by default: Stripe's five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

type Body = string | Uint8Array;

/** The hex HMAC-SHA256 of "<timestamp>.<body>" under `secret`. */
export function signWebhook(secret: string, timestamp: number, body: Body): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

/** The header's value for a body sent at `timestamp` (unix seconds), signed with each secret. */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: Body): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signWebhook(secret, timestamp, body)}`)].join(",");
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [name, value, ...rest] = part.trim().split("=");
    if (rest.length || value === undefined) continue;
    if (name === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Other schemes (v0 …) are ignored, as Stripe's libraries do: only v1 is trusted.
    if (name === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || !signatures.length ? null : { timestamp, signatures };
}

/**
 * Whether `header` signs `body` (the raw bytes as received, before any JSON parsing) with `secret`
 * at a time within `toleranceSeconds` of `now`. Compares in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: Body,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() }: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  const parsed = header ? parseHeader(header) : null;
  if (!parsed) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, parsed.timestamp, body), "hex");
  // Every candidate is compared, so the time taken does not say which one matched.
  let matched = false;
  for (const signature of parsed.signatures)
    matched = timingSafeEqual(expected, Buffer.from(signature, "hex")) || matched;
  return matched;
}
