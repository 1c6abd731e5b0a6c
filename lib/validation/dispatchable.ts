import states from "zipcodes/lib/states";

/**
 * R13: in the US (E911) and Canada a call to the emergency number must carry a dispatchable
 * location: the civic address with its state or province, plus where in the building (NENA's FLR
 * and ROOM fields, here floor and room or suite) and a callback number.
 */
export const DISPATCHABLE_COUNTRIES: readonly string[] = ["US", "CA"];

export function isDispatchableCountry(countryCode: string) {
  return DISPATCHABLE_COUNTRIES.includes(countryCode);
}

/** The USPS / Canada Post code of a state or province typed as its code or its name ("Massachusetts", "ma"). */
export function regionCode(region: string): string | null {
  const key = region.trim().toUpperCase().replace(/\s+/g, " ");
  if (states.abbr[key]) return key;
  return states.full[key] ?? null;
}

export interface DispatchableFields {
  countryCode: string;
  region?: string;
  floor?: string;
  room?: string;
}

/** The problems of a dispatchable location, by field; none outside the dispatchable countries. */
export function dispatchableProblems(site: DispatchableFields): { path: "region" | "floor"; message: string }[] {
  if (!isDispatchableCountry(site.countryCode)) return [];
  const problems: { path: "region" | "floor"; message: string }[] = [];
  const what = site.countryCode === "US" ? "state" : "province";
  if (!site.region) problems.push({ path: "region", message: `A dispatchable location (E911) needs the ${what}` });
  else if (!regionCode(site.region))
    problems.push({ path: "region", message: `Enter the ${what} as its two-letter code or its name, e.g. MA` });
  if (!site.floor && !site.room)
    problems.push({
      path: "floor",
      message: "A dispatchable location (E911) needs the floor, or the room or suite, so responders find the caller",
    });
  return problems;
}
