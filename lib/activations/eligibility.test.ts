import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVersions, ineligibilityReasons, isReadableVersion } from "./eligibility";

const now = new Date("2026-11-23T00:00:00Z");
const eligible = {
  licensePlan: "YEARLY" as const,
  licensing: "PER_USER" as const,
  softwareVersion: "6.01.20240310.2",
  termExpiry: new Date("2027-05-01"),
  userLicenses: 4,
  hasActiveService: false,
  hasOpenRequest: false,
};

describe("R1 eligibility", () => {
  it("accepts a subscription PBX on a recent version", () => {
    expect(ineligibilityReasons(eligible, now)).toEqual([]);
  });

  it("refuses lifetime licenses", () => {
    expect(ineligibilityReasons({ ...eligible, licensePlan: "LIFETIME", termExpiry: null }, now)).toEqual([
      "LIFETIME_LICENSE",
    ]);
  });

  it("refuses a PBX licensed per system, whatever its plan", () => {
    expect(ineligibilityReasons({ ...eligible, licensing: "PER_SYSTEM" }, now)).toEqual(["NOT_PER_USER"]);
    expect(
      ineligibilityReasons({ ...eligible, licensing: "PER_SYSTEM", licensePlan: "LIFETIME", termExpiry: null }, now),
    ).toEqual(["NOT_PER_USER", "LIFETIME_LICENSE"]);
  });

  it("refuses software below 5.0, comparing numerically", () => {
    expect(ineligibilityReasons({ ...eligible, softwareVersion: "4.12.20190101.3" }, now)).toEqual([
      "SOFTWARE_TOO_OLD",
    ]);
    expect(ineligibilityReasons({ ...eligible, softwareVersion: "5.03.20210826.1" }, now)).toEqual([]);
    expect(ineligibilityReasons({ ...eligible, softwareVersion: "5.0" }, now)).toEqual([]);
    expect(ineligibilityReasons({ ...eligible, softwareVersion: "10.0" }, now)).toEqual([]);
  });

  it("refuses a version it cannot read instead of guessing", () => {
    for (const version of ["5a.1", "5.0-beta", "", "v5.1", "5..1", "5.1.", " "]) {
      expect(ineligibilityReasons({ ...eligible, softwareVersion: version }, now), version).toEqual([
        "SOFTWARE_VERSION_UNREADABLE",
      ]);
    }
  });

  it("refuses a PBX with no user licenses", () => {
    expect(ineligibilityReasons({ ...eligible, userLicenses: 0 }, now)).toEqual(["NO_USER_LICENSES"]);
  });

  it("lists every reason at once", () => {
    expect(
      ineligibilityReasons(
        {
          licensePlan: "LIFETIME",
          licensing: "PER_SYSTEM",
          softwareVersion: "4.9",
          termExpiry: null,
          userLicenses: 0,
          hasActiveService: true,
          hasOpenRequest: true,
        },
        now,
      ),
    ).toEqual([
      "NOT_PER_USER",
      "LIFETIME_LICENSE",
      "SOFTWARE_TOO_OLD",
      "NO_USER_LICENSES",
      "ALREADY_ACTIVE",
      "REQUEST_OPEN",
    ]);
  });

  it("refuses an expired subscription", () => {
    expect(ineligibilityReasons({ ...eligible, termExpiry: new Date("2026-11-01") }, now)).toEqual(["TERM_EXPIRED"]);
  });

  it("orders versions like numbers, not strings", () => {
    expect(compareVersions("5.10", "5.9")).toBeGreaterThan(0);
    expect(compareVersions("5.03.20210826.1", "5.3.20210826.1")).toBe(0);
    fc.assert(
      fc.property(
        fc.array(fc.nat(99), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(99), { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const x = a.join("."),
            y = b.join(".");
          expect(isReadableVersion(x)).toBe(true);
          expect(Math.sign(compareVersions(x, y)) + Math.sign(compareVersions(y, x))).toBe(0);
        },
      ),
    );
  });

  it("never calls a string with a non-digit outside the dots readable", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (isReadableVersion(s)) expect(s.trim()).toMatch(/^[0-9.]+$/);
      }),
    );
  });
});
