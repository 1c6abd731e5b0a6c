import { Secret, TOTP } from "otpauth";

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const PERIOD_SECONDS = 30;
const ISSUER = "CLASSOUND";
/** Codes of the step before and after are accepted too: a phone's clock a little off, a code typed at the turn. */
export const TOTP_WINDOW_STEPS = 1;

function totp(secret: string, label = "") {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans from the enrolment QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step `now` falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/** The code for `now` (the demo script, tests). */
export function totpCode(secret: string, now = new Date()): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/**
 * The time step whose code `code` is, within the window around `now`, or null. The caller refuses a
 * step it has already accepted once: that is what makes a code single-use (RFC 6238, section 5.2).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW_STEPS });
  return delta === null ? null : totpStep(now) + delta;
}
