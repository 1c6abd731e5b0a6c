import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";

/**
 * Postal codes per country, checked by postcode-validator's maintained table of every country's
 * format (decision 0048). Only the hints are ours: an example of the form people write.
 */
const EXAMPLES: Record<string, string> = {
  AT: "4 digits, e.g. 1010",
  BE: "4 digits, e.g. 1000",
  CA: "e.g. M5V 3L9",
  CH: "4 digits, e.g. 8001",
  DE: "5 digits, e.g. 80331",
  DK: "4 digits, e.g. 1050",
  ES: "5 digits, e.g. 08001",
  FR: "5 digits, e.g. 75001",
  GB: "e.g. SW1A 1AA or M1 1AE",
  IE: "Eircode, e.g. D02 X285",
  IT: "5 digits, e.g. 20121",
  NL: "4 digits and 2 letters, e.g. 3011 AD",
  PL: "e.g. 00-950",
  PT: "e.g. 1000-001",
  SE: "5 digits, e.g. 114 55",
  US: "ZIP code: 5 digits, or ZIP+4, e.g. 02110 or 02110-1301",
};

// A country the table does not know (or with no postcodes) takes 2-10 letters and digits: the
// operator's registration step still checks it.
const LOOSE = /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/;

/** Upper case, single spaces, trimmed: how a postcode is compared and stored. */
export function normalisePostcode(postcode: string): string {
  return postcode.trim().toUpperCase().replace(/\s+/g, " ");
}

export function postcodeHint(countryCode: string): string {
  return EXAMPLES[countryCode] ?? "As the post writes it in that country";
}

export function isValidPostcode(countryCode: string, postcode: string): boolean {
  const code = normalisePostcode(postcode);
  return postcodeValidatorExistsForCountry(countryCode) ? postcodeValidator(code, countryCode) : LOOSE.test(code);
}

/** The message a form shows beside the postcode, or null when it is one of that country's. */
export function postcodeProblem(countryCode: string, postcode: string): string | null {
  if (isValidPostcode(countryCode, postcode)) return null;
  return `This is not a postcode of ${countryCode}: ${postcodeHint(countryCode)}`;
}

/** The countries whose postcodes the server can name a city (and, for the US, a state) for. */
export const POSTCODE_PLACE_COUNTRIES: readonly string[] = ["DE", "US"];
