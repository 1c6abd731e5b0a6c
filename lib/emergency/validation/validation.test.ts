import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOUNDING_BOXES, insideCountry } from "./bounding-boxes";
import { locationCountryProblem } from "./number-country";
import { isValidPostcode, postcodeHint } from "@/lib/validation/postcode";
import { ZSite } from "./site-schema";

const SEED_EU = ["AT", "BE", "DE", "ES", "FR", "IT", "NL"];
const SAMPLE_POSTCODE: Record<string, string> = {
  AT: "1010",
  BE: "1000",
  CA: "M5V 3L9",
  DE: "80331",
  ES: "08001",
  FR: "75001",
  GB: "SW1A 1AA",
  IT: "20121",
  NL: "3011 AD",
  US: "02110",
};

const milan = {
  name: "Milan HQ, floor 3",
  street: "Via Dante",
  houseNumber: "7",
  postcode: "20121",
  city: "Milano",
  countryCode: "IT",
  floor: "3",
  latitude: "45.466944",
  longitude: "9.185556",
};
const boston = {
  name: "Boston office",
  street: "Atlantic Ave",
  houseNumber: "100",
  postcode: "02110",
  city: "Boston",
  region: "MA",
  countryCode: "US",
  building: "B",
  floor: "5",
  room: "501",
  callbackNumber: "+16172493001",
};
const messages = (input: object) => {
  const parsed = ZSite.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("postal codes", () => {
  const good: [string, string][] = [
    ["AT", "1010"],
    ["BE", "1000"],
    ["DE", "80331"],
    ["DE", "01067"],
    ["ES", "08001"],
    ["ES", "52001"],
    ["FR", "75001"],
    ["FR", "20000"],
    ["IT", "20121"],
    ["IT", "00184"],
    ["NL", "3011 AD"],
    ["NL", "3011ad"],
    ["GB", "SW1A 1AA"],
    ["GB", "m1 1ae"],
    ["GB", "EC1A1BB"],
    ["GB", "B33 8TH"],
    ["US", "02110"],
    ["US", "02110-1301"],
    ["CA", "M5V 3L9"],
  ];
  const bad: [string, string][] = [
    ["AT", "0101"],
    ["AT", "10100"],
    ["BE", "100"],
    ["DE", "8033"],
    ["DE", "803311"],
    ["ES", "53001"],
    ["ES", "00001"],
    ["IT", "2012"],
    ["NL", "3011"],
    ["GB", "SW1A"],
    ["GB", "12345"],
    ["US", "0211"],
    ["US", "02110-13"],
    ["US", "ABCDE"],
    ["CA", "D5V 3L9"],
  ];
  it.each(good)("accepts %s %s", (country, postcode) => expect(isValidPostcode(country, postcode)).toBe(true));
  it.each(bad)("refuses %s %s", (country, postcode) => expect(isValidPostcode(country, postcode)).toBe(false));

  it("has a format and a hint for the seed's EU countries, the UK and the US", () => {
    for (const code of [...SEED_EU, "GB", "US"]) expect(postcodeHint(code)).toMatch(/\d/);
  });

  it("refuses any postcode containing something other than letters, digits, spaces and a dash", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEED_EU, "GB", "US", "CA"),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /[^A-Za-z0-9 -]/.test(s)),
        (country, postcode) => {
          expect(isValidPostcode(country, postcode)).toBe(false);
        },
      ),
    );
  });

  it("refuses digit strings of the wrong length for the 5-digit countries", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("DE", "ES", "FR", "IT", "US"),
        fc.stringMatching(/^\d{1,12}$/).filter((s) => s.length !== 5),
        (country, postcode) => {
          expect(isValidPostcode(country, postcode)).toBe(false);
        },
      ),
    );
  });
});

describe("coordinates", () => {
  it("knows a box for the seed's countries, the UK and the US, and each box holds its capital", () => {
    const capitals: Record<string, [number, number]> = {
      AT: [48.2082, 16.3738],
      BE: [50.8503, 4.3517],
      DE: [52.52, 13.405],
      ES: [40.4168, -3.7038],
      FR: [48.8566, 2.3522],
      IT: [41.9028, 12.4964],
      NL: [52.3676, 4.9041],
      GB: [51.5074, -0.1278],
      US: [38.9072, -77.0369],
      CA: [45.4215, -75.6972],
    };
    for (const [code, [lat, lon]] of Object.entries(capitals)) expect(insideCountry(code, lat, lon), code).toBe(true);
    expect(Object.keys(BOUNDING_BOXES).sort()).toEqual(Object.keys(capitals).sort());
  });

  it("catches latitude and longitude swapped", () => {
    expect(messages({ ...milan, latitude: "9.185556", longitude: "45.466944" }).latitude).toMatch(/outside IT/);
  });

  it("refuses out-of-range, half-given and malformed coordinates", () => {
    expect(messages({ ...milan, latitude: "91" }).latitude).toMatch(/between -90 and 90/);
    expect(messages({ ...milan, longitude: "-181" }).longitude).toMatch(/between -180 and 180/);
    expect(messages({ ...milan, longitude: "" }).longitude).toMatch(/both/);
    expect(messages({ ...milan, latitude: "45.1234567" }).latitude).toMatch(/6 decimals/);
  });

  it("never accepts a point outside the country's box", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(BOUNDING_BOXES)),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (code, lat, lon) => {
          const box = BOUNDING_BOXES[code]!;
          const [la, lo] = [Number(lat.toFixed(6)), Number(lon.toFixed(6))];
          const inside = la >= box.minLat && la <= box.maxLat && lo >= box.minLon && lo <= box.maxLon;
          const site = {
            ...(code === "US" || code === "CA" ? boston : milan),
            countryCode: code,
            postcode: SAMPLE_POSTCODE[code],
            latitude: la.toFixed(6),
            longitude: lo.toFixed(6),
          };
          expect("latitude" in messages(site) || "longitude" in messages(site)).toBe(!inside);
        },
      ),
    );
  });

  it("refuses any text that is not a decimal number", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== "" && !/^-?\d{1,3}(\.\d{1,6})?$/.test(s.trim())),
        (junk) => {
          expect(messages({ ...milan, latitude: junk }).latitude).toBeDefined();
        },
      ),
    );
  });
});

describe("the site schema", () => {
  it("accepts a complete E112 site and a complete E911 dispatchable location", () => {
    expect(ZSite.safeParse(milan).success).toBe(true);
    expect(ZSite.safeParse(boston).success).toBe(true);
  });

  it("says which format a wrong postcode should have", () => {
    expect(messages({ ...milan, postcode: "2012" }).postcode).toMatch(/not a postcode of IT: 5 digits/);
  });

  it("needs the callback number for a US dispatchable location", () => {
    expect(messages({ ...boston, callbackNumber: "" }).callbackNumber).toMatch(/callback number/);
    expect(messages({ ...boston, callbackNumber: "617-249-3001" }).callbackNumber).toMatch(/E\.164/);
  });

  it("never throws, whatever object it is given", () => {
    fc.assert(fc.property(fc.anything(), (input) => void ZSite.safeParse(input)));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(milan)), fc.string()),
        (fields) => void ZSite.safeParse({ ...milan, ...fields }),
      ),
    );
  });
});

describe("the number's country", () => {
  it("must be the location's country", () => {
    expect(locationCountryProblem({ e164: "+390280881000", countryCode: "IT" }, "IT")).toBeNull();
    expect(locationCountryProblem({ e164: "+390280881000", countryCode: "IT" }, "DE")).toMatch(/must be in IT, not DE/);
  });
});
