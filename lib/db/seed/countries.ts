import countries from "i18n-iso-countries";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import type { Prisma } from "../generated/client";

/**
 * The covered countries and their Call Termination Area (R5). The guides give no list, so this is an
 * assumed one: area 1 is the core of Western Europe and North America, where the included minutes
 * apply, up to area 6 for the most expensive destinations. Admins edit it later; it is seed data only.
 */
type Area = 1 | 2 | 3 | 4 | 5 | 6;

const AREAS: Record<Area, readonly string[]> = {
  1: ["AT", "BE", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "LU", "NL", "NO", "PT", "SE", "US"],
  2: ["AU", "CZ", "EE", "GR", "HK", "HR", "HU", "IL", "JP", "LT", "LV", "NZ", "PL", "SG", "SI", "SK"],
  3: ["AE", "BG", "BR", "CY", "IS", "KR", "MT", "MX", "RE", "RO", "TR", "ZA"],
  4: ["AR", "CL", "CN", "CO", "IN", "MA", "RS", "UA"],
  5: ["CI", "EG", "ID", "KE", "NG", "PE", "PH", "SA", "VN"],
  6: ["CU", "ER", "MV", "NR", "SB", "TL"],
};

// Réunion is an outermost region of France, hence part of the EU.
const EU = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RE",
  "RO",
  "SE",
  "SI",
  "SK",
]);
// R13: the EU rules are followed across the EEA, and by the UK and Switzerland.
const E112_OUTSIDE_EU = new Set(["CH", "GB", "IS", "NO"]);
const E911 = new Set(["CA", "US"]);
const TWO_WAY_SMS = new Set(["CA", "GB", "IT", "US"]);
const SENDER_ID_REGISTRATION = new Set(["AE", "CN", "EG", "ID", "IN", "KE", "NG", "PH", "SA", "SG", "TR", "VN"]);
/** Activation needs a local regulatory setup, assumed only in areas 1-3; the rest are termination only. */
const ACTIVATION_MAX_AREA = 3;

/** Where i18n-iso-countries' first English name is not what a customer expects to read. */
const NAME_OVERRIDES: Record<string, string> = {
  CI: "Côte d'Ivoire",
  CZ: "Czechia",
  RE: "Réunion",
  US: "United States",
};

export const COUNTRIES: Prisma.CountryCreateManyInput[] = Object.entries(AREAS).flatMap(([area, codes]) =>
  codes.map((code) => ({
    code,
    name: NAME_OVERRIDES[code] ?? countries.getName(code, "en") ?? code,
    dialCode: getCountryCallingCode(code as CountryCode),
    isEu: EU.has(code),
    callTerminationArea: Number(area),
    emergencyRegime: EU.has(code) || E112_OUTSIDE_EU.has(code) ? "E112" : E911.has(code) ? "E911" : null,
    twoWaySms: TWO_WAY_SMS.has(code),
    senderIdRegistration: SENDER_ID_REGISTRATION.has(code),
    activationEnabled: Number(area) <= ACTIVATION_MAX_AREA,
  })),
);

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export function countryByCode(code: string): Prisma.CountryCreateManyInput {
  const country = BY_CODE.get(code);
  if (!country) throw new Error(`Country ${code} is not in the seed`);
  return country;
}
