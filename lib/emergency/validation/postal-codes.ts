/**
 * Postal-code formats of the countries the seed covers (the EU ones, the UK, the US and Canada), with
 * the hint the address form shows. A country missing here takes any 2-10 letters and digits: the
 * operator's registration step still checks it.
 */
export interface PostcodeFormat {
  pattern: RegExp;
  hint: string;
}

export const POSTCODE_FORMATS: Record<string, PostcodeFormat> = {
  AT: { pattern: /^[1-9]\d{3}$/, hint: "4 digits, e.g. 1010" },
  BE: { pattern: /^[1-9]\d{3}$/, hint: "4 digits, e.g. 1000" },
  DE: { pattern: /^(?!00)\d{5}$/, hint: "5 digits, e.g. 80331" },
  ES: { pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, hint: "5 digits starting 01-52, e.g. 08001" },
  FR: { pattern: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, hint: "5 digits, e.g. 75001" },
  IT: { pattern: /^\d{5}$/, hint: "5 digits, e.g. 20121" },
  NL: { pattern: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/, hint: "4 digits and 2 letters, e.g. 3011 AD" },
  // Royal Mail's outward and inward code; GIR 0AA is Girobank's historical exception.
  GB: {
    pattern: /^(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?) ?\d[ABD-HJLNP-UW-Z]{2})$/,
    hint: "e.g. SW1A 1AA or M1 1AE",
  },
  US: { pattern: /^\d{5}(?:-\d{4})?$/, hint: "ZIP code: 5 digits, or ZIP+4, e.g. 02110 or 02110-1301" },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/, hint: "e.g. M5V 3L9" },
};

const FALLBACK: PostcodeFormat = { pattern: /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/, hint: "letters and digits" };

/** Upper case, single spaces, trimmed: how a postcode is compared and stored. */
export function normalisePostcode(postcode: string): string {
  return postcode.trim().toUpperCase().replace(/\s+/g, " ");
}

export function postcodeFormat(countryCode: string): PostcodeFormat {
  return POSTCODE_FORMATS[countryCode] ?? FALLBACK;
}

export function isValidPostcode(countryCode: string, postcode: string): boolean {
  return postcodeFormat(countryCode).pattern.test(normalisePostcode(postcode));
}
