import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { NumberType } from "@/lib/db/generated/enums";
import { e164Problem, toE164 } from "@/lib/validation/phone";

/** At most this many numbers in one request; a larger range is ported in several. */
export const MAX_PORTING_NUMBERS = 100;

export interface PortingNumber {
  e164: string;
  countryCode: string;
}

export type ParsedPortingNumbers = { ok: true; numbers: PortingNumber[] } | { ok: false; message: string };

/** The numbers typed one per line or separated by commas or semicolons; spaces inside a number are allowed. */
export function splitNumbers(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

function list(values: string[]) {
  return values.length > 3 ? `${values.slice(0, 3).join(", ")} and ${values.length - 3} more` : values.join(", ");
}

/**
 * Checks a port-in's numbers: each a valid number in international form (R14: E.164, at most 15
 * digits, a length its numbering plan uses), all of one country (one losing operator, one regulator),
 * none twice. The message names the offending entries, each with its reason.
 */
export function parsePortingNumbers(entries: string[]): ParsedPortingNumbers {
  if (entries.length === 0) return { ok: false, message: "Enter the numbers to port, one per line." };
  if (entries.length > MAX_PORTING_NUMBERS)
    return { ok: false, message: `At most ${MAX_PORTING_NUMBERS} numbers per request; split larger ranges.` };
  const invalid: string[] = [];
  const numbers: PortingNumber[] = [];
  for (const entry of entries) {
    const problem = e164Problem(entry);
    // The full metadata (not the forms' smaller one) also checks the prefixes each plan uses.
    const parsed = problem ? undefined : parsePhoneNumberFromString(toE164(entry));
    if (problem) invalid.push(`${entry} (${lowerFirst(problem)})`);
    else if (!parsed?.isValid() || !parsed.country) invalid.push(`${entry} (not in its country's numbering plan)`);
    else numbers.push({ e164: parsed.number, countryCode: parsed.country });
  }
  if (invalid.length)
    return { ok: false, message: `Not valid numbers in international form (+ and country code): ${list(invalid)}.` };
  const seen = new Set<string>();
  const repeated = numbers.filter((n) => seen.size === seen.add(n.e164).size).map((n) => n.e164);
  if (repeated.length) return { ok: false, message: `Listed more than once: ${list([...new Set(repeated)])}.` };
  const countries = [...new Set(numbers.map((n) => n.countryCode))];
  if (countries.length > 1)
    return {
      ok: false,
      message: `All numbers of a request must be of one country; these are of ${countries.join(", ")}.`,
    };
  return { ok: true, numbers };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The inventory type of a ported number, from its numbering plan. */
export function numberTypeOf(e164: string): NumberType {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (type === "TOLL_FREE") return "FREEPHONE";
  if (type === "MOBILE") return "MOBILE";
  return "GEOGRAPHIC";
}
