import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js";

/** ITU-T E.164: a country code and subscriber number of at most 15 digits in all. */
export const E164_MAX_DIGITS = 15;

const LENGTH_PROBLEM: Record<string, string> = {
  TOO_SHORT: "is too short for its country's numbering plan",
  TOO_LONG: "is too long for its country's numbering plan",
  INVALID_LENGTH: "has a length its country's numbering plan does not use",
  INVALID_COUNTRY: "does not start with a country code",
  NOT_A_NUMBER: "is not a phone number",
};

/**
 * Why a number typed in international form is not E.164 (R14), or null when it is: the "+", at most
 * 15 digits, and a length and prefix its country's numbering plan (libphonenumber's metadata) uses.
 * Spaces, dots, dashes and brackets people type between the digits are allowed.
 */
export function e164Problem(typed: string): string | null {
  const value = typed.trim();
  if (!value.startsWith("+")) return "Start with + and the country code, e.g. +4989123456";
  const digits = value.slice(1).replace(/[\s.\-()/]/g, "");
  if (!/^\d+$/.test(digits)) return "Use only digits after the +";
  if (digits.length > E164_MAX_DIGITS)
    return `An international number has at most ${E164_MAX_DIGITS} digits; this one has ${digits.length}`;
  const lengthProblem = validatePhoneNumberLength(`+${digits}`);
  if (lengthProblem) return `This number ${LENGTH_PROBLEM[lengthProblem] ?? "is not valid"}`;
  if (!parsePhoneNumberFromString(`+${digits}`)?.isValid()) return "This number is not in its country's numbering plan";
  return null;
}

/** The number as E.164 ("+4989123456"), for a value e164Problem accepted. */
export function toE164(typed: string): string {
  return `+${typed
    .trim()
    .slice(1)
    .replace(/[\s.\-()/]/g, "")}`;
}
