import { isValidPhoneNumber } from "libphonenumber-js/max";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import type { FreephoneSource, NumberType } from "@/lib/db/generated/enums";

/**
 * The fixed world the rater comparison (lib/testing/rating-oracle/compare.ts) rates random months in:
 * a country catalogue with codes shared by several countries, tiers whose versions change mid-month
 * or are missing, rates with holes, and a number inventory. Every rate differs from every other, so a
 * call priced at the wrong tier, version, area or source shows in its cost.
 */

/** Countries by Call Termination Area; +1, +7, +44, +61, +358 and +590 each hold several. */
export const CATALOGUE: { code: string; dialCode: string; area: number }[] = [
  { code: "DE", dialCode: "49", area: 1 },
  { code: "GB", dialCode: "44", area: 1 },
  { code: "US", dialCode: "1", area: 1 },
  { code: "CA", dialCode: "1", area: 1 },
  { code: "IT", dialCode: "39", area: 1 },
  { code: "FI", dialCode: "358", area: 1 },
  { code: "JE", dialCode: "44", area: 2 },
  { code: "AU", dialCode: "61", area: 2 },
  { code: "AX", dialCode: "358", area: 3 },
  { code: "RU", dialCode: "7", area: 3 },
  { code: "GP", dialCode: "590", area: 3 },
  { code: "BR", dialCode: "55", area: 3 },
  { code: "KZ", dialCode: "7", area: 4 },
  { code: "AG", dialCode: "1", area: 4 },
  { code: "DO", dialCode: "1", area: 5 },
  { code: "CX", dialCode: "61", area: 5 },
  { code: "BL", dialCode: "590", area: 6 },
];

/**
 * Numbers by template: a valid number whose last four digits the cases vary (decision 0014: a
 * number's range is all but its last four digits). PR, GG, IM and CC are not in the catalogue, +881
 * is no country's.
 */
export const NUMBER_TEMPLATES = {
  DE_GEO: "+4930901820",
  DE_MOB: "+4915112345678",
  DE_FP: "+498001234567",
  US_NY: "+12125550123",
  US_FP: "+18005550123",
  CA_TOR: "+14165550123",
  CA_VAN: "+16045550123",
  CA_FP: "+18885550123",
  AG: "+12684601234",
  DO: "+18095551234",
  PR: "+17875550123",
  GB_LON: "+442079460000",
  GB_MOB: "+447400123456",
  GB_FP: "+448001234567",
  JE: "+441534123456",
  JE_MOB: "+447797123456",
  GG: "+441481256789",
  GG_MOB: "+447911123456",
  IM: "+441624512345",
  KZ: "+77012345678",
  RU: "+74951234567",
  GP: "+590590201234",
  BL: "+590590271234",
  AU: "+61212345678",
  CX: "+61891641234",
  CC: "+61891621234",
  FI: "+35891234567",
  AX: "+358181234567",
  IT: "+390612345678",
  BR: "+551123456789",
  INTL: "+881612345678",
} as const;
export type NumberTemplate = keyof typeof NUMBER_TEMPLATES;

/** The template's number with `suffix` (0-9999) as its last four digits. */
export function numberFrom(template: NumberTemplate, suffix: number): string {
  return NUMBER_TEMPLATES[template].slice(0, -4) + String(suffix).padStart(4, "0");
}

for (const [name, number] of Object.entries(NUMBER_TEMPLATES)) {
  if (!isValidPhoneNumber(number)) throw new Error(`Template ${name} (${number}) is not a valid number`);
}

/** The portal's inventory: FreePhone, geographic and mobile DIDs (suffixes 0-4 of their templates). */
const INVENTORY_TEMPLATES: { template: NumberTemplate; type: NumberType; countryCode: string }[] = [
  { template: "DE_GEO", type: "GEOGRAPHIC", countryCode: "DE" },
  { template: "DE_MOB", type: "MOBILE", countryCode: "DE" },
  { template: "DE_FP", type: "FREEPHONE", countryCode: "DE" },
  { template: "US_NY", type: "GEOGRAPHIC", countryCode: "US" },
  { template: "US_FP", type: "FREEPHONE", countryCode: "US" },
  { template: "CA_TOR", type: "GEOGRAPHIC", countryCode: "CA" },
  // +1 8xx is shared by the NANP: only the inventory knows these are Canada's.
  { template: "CA_FP", type: "FREEPHONE", countryCode: "CA" },
  { template: "GB_FP", type: "FREEPHONE", countryCode: "GB" },
  { template: "JE", type: "GEOGRAPHIC", countryCode: "JE" },
];
export const INVENTORY_SIZE_PER_TEMPLATE = 5;
export const INVENTORY = INVENTORY_TEMPLATES.flatMap(({ template, type, countryCode }) =>
  Array.from({ length: INVENTORY_SIZE_PER_TEMPLATE }, (_, i) => ({
    e164: numberFrom(template, 7000 + i),
    type,
    countryCode,
  })),
);
/** Templates of DIDs that may or may not be in the inventory (an inbound call can reach any of them). */
export const DID_TEMPLATES: NumberTemplate[] = [...new Set(INVENTORY_TEMPLATES.map((t) => t.template))];

export const TIERS = {
  END_USER: END_USER_TIER_CODE,
  GOLD: "ORC_GOLD",
  SILVER: "ORC_SILVER",
  NOLIST: "ORC_NOLIST",
  LATE: "ORC_LATE",
};
export type TierKey = keyof typeof TIERS;
/** Tiers a partner can have (End User is the list every call is also priced at). */
export const PARTNER_TIERS: TierKey[] = ["GOLD", "SILVER", "NOLIST", "LATE"];

type Rates = Record<number, string>;
type FreephoneRates = [country: string, source: FreephoneSource, perMinute: string][];

/** Price-list versions; the holes (no Area 6 at Gold v1, no Canadian mobile FreePhone...) give NO_RATE. */
export const PRICE_LISTS: {
  id: string;
  tier: TierKey;
  validFrom: Date;
  areas: Rates;
  freephone: FreephoneRates;
}[] = [
  {
    id: "orc-list-end-user",
    tier: "END_USER",
    validFrom: new Date("2026-01-01T00:00:00Z"),
    areas: { 1: "0.01900", 2: "0.04500", 3: "0.09500", 4: "0.19000", 5: "0.38000", 6: "0.89000" },
    freephone: [
      ["DE", "FIXED", "0.03200"],
      ["DE", "MOBILE", "0.13900"],
      ["US", "FIXED", "0.02200"],
      ["US", "MOBILE", "0.02300"],
      ["US", "PAYPHONE", "0.30000"],
      ["CA", "FIXED", "0.02900"],
      ["CA", "MOBILE", "0.03100"],
      ["CA", "PAYPHONE", "0.35000"],
      ["GB", "FIXED", "0.02500"],
    ],
  },
  {
    id: "orc-list-gold-1",
    tier: "GOLD",
    validFrom: new Date("2026-01-01T00:00:00Z"),
    areas: { 1: "0.01333", 2: "0.03151", 3: "0.06653", 4: "0.13307", 5: "0.26609" },
    freephone: [
      ["DE", "FIXED", "0.02243"],
      ["DE", "MOBILE", "0.09731"],
      ["DE", "PAYPHONE", "0.34307"],
      ["US", "FIXED", "0.01541"],
      ["US", "PAYPHONE", "0.21013"],
      ["CA", "FIXED", "0.02033"],
      ["CA", "PAYPHONE", "0.24517"],
      ["GB", "FIXED", "0.01759"],
    ],
  },
  {
    // A new Gold version mid-month: calls from its start are priced with it.
    id: "orc-list-gold-2",
    tier: "GOLD",
    validFrom: new Date("2026-10-15T00:00:00Z"),
    areas: { 1: "0.01111", 2: "0.02999", 3: "0.06007", 4: "0.12011", 5: "0.25013", 6: "0.60017" },
    freephone: [
      ["DE", "FIXED", "0.02111"],
      ["DE", "MOBILE", "0.09111"],
      ["US", "FIXED", "0.01411"],
      ["CA", "MOBILE", "0.02111"],
      ["CA", "PAYPHONE", "0.24111"],
    ],
  },
  {
    id: "orc-list-silver-1",
    tier: "SILVER",
    validFrom: new Date("2025-06-01T00:00:00Z"),
    areas: { 1: "0.01527", 2: "0.03603", 3: "0.07609", 4: "0.15211" },
    freephone: [
      ["DE", "FIXED", "0.02567"],
      ["DE", "MOBILE", "0.11123"],
      ["DE", "PAYPHONE", "0.39217"],
      ["CA", "FIXED", "0.02321"],
      ["CA", "MOBILE", "0.02483"],
      ["CA", "PAYPHONE", "0.28001"],
    ],
  },
  {
    // In force only from the 20th: a LATE partner's earlier calls have no price list.
    id: "orc-list-late-1",
    tier: "LATE",
    validFrom: new Date("2026-10-20T00:00:00Z"),
    areas: { 1: "0.01701", 2: "0.04049", 3: "0.08551", 4: "0.17099", 5: "0.34201", 6: "0.80099" },
    freephone: [["DE", "MOBILE", "0.12509"]],
  },
];

/** Partner zones: both sides of UTC, half hours, the ±14 h extremes, DST changes in October. */
export const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kolkata",
  "UTC",
  "Australia/Lord_Howe",
  "America/St_Johns",
];

/** The month the comparison rates, and its neighbours (calls near its edges fall in them). */
export const MONTH = { year: 2026, month: 10 };
export const RATED_MONTH = "2026-10";
export const MONTHS = ["2026-09", RATED_MONTH, "2026-11"];
