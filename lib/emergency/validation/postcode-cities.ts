import { normalisePostcode } from "./postal-codes";

/**
 * The city of a postcode, for the cities the seed's customers and number ranges are in: the form
 * suggests it, never forces it. Keyed by country, then by the postcode's leading characters
 * (longest match wins).
 */
const CITY_BY_PREFIX: Record<string, Record<string, string>> = {
  AT: { "1": "Wien" },
  BE: { "10": "Bruxelles", "11": "Bruxelles", "12": "Bruxelles" },
  DE: {
    "80": "München",
    "81": "München",
    "86": "Augsburg",
    "20": "Hamburg",
    "21": "Hamburg",
    "22": "Hamburg",
    "70": "Stuttgart",
    "10": "Berlin",
    "12": "Berlin",
    "13": "Berlin",
    "28": "Bremen",
  },
  ES: { "08": "Barcelona", "28": "Madrid", "17": "Girona" },
  FR: { "75": "Paris", "69": "Lyon", "92": "Puteaux" },
  GB: {
    EC: "London",
    WC: "London",
    SW: "London",
    SE: "London",
    E: "London",
    N: "London",
    W: "London",
    M: "Manchester",
  },
  IT: { "201": "Milano", "001": "Roma", "101": "Torino", "161": "Genova" },
  NL: { "30": "Rotterdam", "10": "Amsterdam", "56": "Eindhoven" },
  US: { "021": "Boston", "022": "Boston", "100": "New York", "101": "New York", "102": "New York" },
  CA: { M: "Toronto", H: "Montréal" },
};

export function suggestCity(countryCode: string, postcode: string): string | null {
  const prefixes = CITY_BY_PREFIX[countryCode];
  if (!prefixes) return null;
  const code = normalisePostcode(postcode);
  // A UK outward code's letters name the area: "M1" is Manchester, "ME1" (Medway) is not.
  const key = countryCode === "GB" ? (code.match(/^[A-Z]+/)?.[0] ?? "") : code;
  let best: string | null = null;
  for (const prefix of Object.keys(prefixes)) {
    const matches = countryCode === "GB" ? key === prefix : key.startsWith(prefix);
    if (matches && (!best || prefix.length > best.length)) best = prefix;
  }
  return best ? prefixes[best]! : null;
}
