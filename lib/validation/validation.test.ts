import { describe, expect, it } from "vitest";
import { ZActivationForm } from "@/lib/activations/form-schema";
import { precheckActivationRequest } from "@/lib/activations/precheck";
import { ZSite } from "@/lib/emergency/validation/site-schema";
import { parsePortingNumbers } from "@/lib/porting/numbers";
import { SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { dispatchableProblems, regionCode } from "./dispatchable";
import { e164Problem } from "./phone";
import { isValidPostcode } from "./postcode";
import { suggestForPostcode } from "./postcode-places";
import { checkTaxNumber, taxNumberHint } from "./vat";

const fieldMessages = (input: object) => {
  const parsed = ZActivationForm.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("VAT numbers (stdnum)", () => {
  it("refuses a number without the country's format, and one whose check digits are wrong", () => {
    expect(checkTaxNumber("DE", "12345")).toMatchObject({ ok: false, message: /German VAT Number.*wrong number/ });
    expect(checkTaxNumber("DE", "DE136695977")).toMatchObject({ ok: false, message: /check digits/ });
    expect(checkTaxNumber("DE", "FR40303265045")).toMatchObject({ ok: false, message: /FR prefix/ });
  });

  it("accepts a valid number with or without its prefix, and stores it with the prefix", () => {
    expect(checkTaxNumber("DE", "DE 136 695 976")).toEqual({ ok: true, value: "DE136695976" });
    expect(checkTaxNumber("DE", "136695976")).toEqual({ ok: true, value: "DE136695976" });
    expect(checkTaxNumber("GR", "094259216")).toEqual({ ok: true, value: "EL094259216" });
    expect(checkTaxNumber("US", "12-3456789")).toMatchObject({ ok: true });
  });

  it("each hint's example is itself valid", () => {
    for (const country of ["AT", "BE", "DE", "ES", "FR", "GB", "IT", "NL", "PL", "SE", "CH", "US", "CA"]) {
      const example = /e\.g\. (.+)$/.exec(taxNumberHint(country))![1]!;
      expect(checkTaxNumber(country, example), `${country} ${example}`).toMatchObject({ ok: true });
    }
  });

  it("the activation form (and so the customer's legal entity) refuses VAT 12345 and French postcode ABC", () => {
    const errors = fieldMessages({ ...SAMPLE_LEGAL_ENTITY, countryCode: "FR", vatNumber: "12345", postcode: "ABC" });
    expect(errors.vatNumber).toMatch(/French VAT/);
    expect(errors.postcode).toMatch(/not a postcode of FR/);
    expect(fieldMessages(SAMPLE_LEGAL_ENTITY)).toEqual({});
    // Still said while other fields are empty, as the form's live check shows them.
    const empty = Object.fromEntries(Object.keys(SAMPLE_LEGAL_ENTITY).map((key) => [key, ""]));
    const partial = fieldMessages({ ...empty, countryCode: "FR", vatNumber: "12345", postcode: "ABC" });
    expect([partial.vatNumber, partial.postcode]).toEqual([
      expect.stringMatching(/French VAT/),
      expect.stringMatching(/not a postcode of FR/),
    ]);
  });

  it("the pre-check of a saved draft says the same", () => {
    const { countryCode, ...legalEntity } = { ...SAMPLE_LEGAL_ENTITY, vatNumber: "DE12345", postcode: "ABC" };
    const issues = precheckActivationRequest({
      status: "DRAFT",
      countryCode,
      countryActivationEnabled: true,
      legalEntity,
      documents: [],
    });
    expect(issues.map((i) => i.target).sort()).toEqual(["postcode", "vatNumber"]);
  });
});

describe("postcodes (postcode-validator) and their places", () => {
  it("checks the format of every country the table knows", () => {
    expect(isValidPostcode("FR", "ABC")).toBe(false);
    expect(isValidPostcode("PT", "1000-001")).toBe(true);
    expect(isValidPostcode("PL", "00950")).toBe(false);
  });

  it("suggests Berlin for 10115 typed with München, and the state of a US ZIP code", async () => {
    expect(await suggestForPostcode({ countryCode: "DE", postcode: "10115", city: "München" })).toEqual({
      city: "Berlin",
    });
    expect(await suggestForPostcode({ countryCode: "DE", postcode: "80331", city: "munchen" })).toEqual({});
    expect(await suggestForPostcode({ countryCode: "US", postcode: "02110", city: "Boston", region: "NY" })).toEqual({
      region: "MA",
    });
    expect(await suggestForPostcode({ countryCode: "IT", postcode: "20121", city: "Roma" })).toEqual({});
  });
});

describe("US dispatchable locations (E911)", () => {
  const site = {
    name: "Boston office",
    street: "Atlantic Ave",
    houseNumber: "100",
    postcode: "02110",
    city: "Boston",
    countryCode: "US",
    callbackNumber: "+16172493001",
  };

  it("refuse a US site without state, floor or room", () => {
    const parsed = ZSite.safeParse(site);
    const paths = parsed.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["region", "floor"]));
    expect(ZSite.safeParse({ ...site, region: "Massachusetts", room: "501" }).success).toBe(true);
    expect(ZSite.safeParse({ ...site, region: "ZZ", floor: "5" }).error?.issues[0]?.message).toMatch(/two-letter/);
  });

  it("know states by code or name, and ask nothing outside the US and Canada", () => {
    expect(regionCode("ma")).toBe("MA");
    expect(regionCode("new york")).toBe("NY");
    expect(dispatchableProblems({ countryCode: "DE" })).toEqual([]);
  });
});

describe("E.164 by the numbering plan (libphonenumber-js)", () => {
  it("refuses 16 digits, and lengths the plan does not use", () => {
    expect(e164Problem("+4989123456789012")).toMatch(/at most 15 digits; this one has 16/);
    expect(e164Problem("+1202555012")).toMatch(/too short/);
    expect(e164Problem("+4989123456")).toBeNull();
  });

  it("a porting request refuses a 16-digit number", () => {
    const parsed = parsePortingNumbers(["+4989123456789012"]);
    expect(parsed).toMatchObject({ ok: false, message: /\+4989123456789012 \(an international number has at most 15/ });
  });
});
