import { getCountries, getCountryCallingCode } from "libphonenumber-js/max";

/**
 * How many national digits decide the country inside a calling code several countries share, where
 * fewer than "all but the last four" do: NANP's area code. Checked against libphonenumber-js's
 * metadata: every valid number of each of the 469 NANP area codes (all exchanges 200-999) has the
 * country of its area code (decision 0043).
 */
const DECIDING_DIGITS: Record<string, number> = { "1": 3 };

/** Each calling code of the numbering plan with the countries that share it (+44: GB, GG, IM, JE). */
function callingCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    codes.set(code, [...(codes.get(code) ?? []), country]);
  }
  return codes;
}

/**
 * The SQL expression of the placement prefix of an E.164 number `n` (text with its "+"): the part
 * of the number that decides its country, so every number with the same prefix is in the same
 * country and libphonenumber-js is asked once per prefix (decision 0043):
 * - a calling code of one country: the code alone ("+49": every valid +49 number is German);
 * - NANP: "+1" and the area code ("+1416": Canada, "+1212": the US);
 * - another shared code (+7, +39, +44, +47, +61, +212, +262, +290, +358, +590, +599): the number
 *   with its last four digits as "x" ("+44153445xxxx": Jersey). libphonenumber's patterns fix the
 *   leading digits and the length, not the last four digits (the same reading as the validity
 *   ranges of decision 0014), and Jersey, Guernsey or the Isle of Man need up to six national
 *   digits (+44 7911 1…, +44 3444 05…).
 * A code nobody has (an invalid number) falls to its first three digits; such calls are refused at import.
 */
export function placementPrefixSql(n: string): string {
  const rules = new Map<string, { length: number; expression: string; codes: string[] }>();
  for (const [code, countries] of callingCodes()) {
    const decides = DECIDING_DIGITS[code];
    const expression =
      countries.length === 1
        ? `left(${n}, ${code.length + 1})`
        : decides
          ? `left(${n}, ${code.length + 1 + decides})`
          : `left(${n}, -4) || 'xxxx'`;
    if (expression === `left(${n}, 4)`) continue; // the ELSE: three-digit codes of one country
    const key = `${code.length} ${expression}`;
    const rule = rules.get(key) ?? { length: code.length, expression, codes: [] };
    rule.codes.push(`'+${code}'`);
    rules.set(key, rule);
  }
  const whens = [...rules.keys()]
    .sort()
    .map((key) => rules.get(key)!)
    .map((rule) => `WHEN left(${n}, ${rule.length + 1}) IN (${rule.codes.sort().join(", ")}) THEN ${rule.expression}`);
  return `CASE ${whens.join(" ")} ELSE left(${n}, 4) END`;
}

/** The number a call is placed by: the number called (outbound), the DID it reached (inbound). */
export const placedNumberSql = (direction: string, to: string, did: string) =>
  `CASE WHEN ${direction} = 'OUTBOUND' THEN ${to} ELSE ${did} END`;
