import { describe, expect, it } from "vitest";
import { numberTopStatements, rankedDays, rankingPeriod } from "./number-top";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDays = (r: { from: Date; toExclusive: Date }) => [r.from, r.toExclusive].map((d) => d.toISOString().slice(0, 10));

describe("rankingPeriod", () => {
  it.each([
    ["2026-11-20", "2026-11-21", "DAY"],
    ["2026-10-28", "2026-11-04", null],
    ["2026-02-01", "2026-03-01", "MONTH"],
    ["2026-12-01", "2027-01-01", "MONTH"],
    ["2026-10-05", "2026-11-11", null],
    ["2026-10-02", "2026-11-02", null],
    ["2026-11-20", "2026-11-22", null],
  ])("ranks [%s, %s) by %s", (from, toExclusive, period) => {
    expect(rankingPeriod({ from: day(from), toExclusive: day(toExclusive) })).toBe(period);
  });
});

describe("rankedDays", () => {
  const refreshed = [day("2026-10-31"), day("2026-11-02")] as const;

  it("ranks the refreshed days again, each from its own day", () => {
    expect(isoDays(rankedDays("DAY", ...refreshed).days)).toEqual(["2026-10-31", "2026-11-02"]);
  });

  it("ranks every month the refreshed days touch, whole, across a year end too", () => {
    expect(isoDays(rankedDays("MONTH", ...refreshed).days)).toEqual(["2026-10-01", "2026-12-01"]);
    expect(isoDays(rankedDays("MONTH", day("2026-11-30"), day("2027-01-02")).days)).toEqual(["2026-11-01", "2027-02-01"]);
  });

  it("ranks one month for days inside it, and nothing for no days", () => {
    expect(isoDays(rankedDays("MONTH", day("2026-10-17"), day("2026-10-18")).days)).toEqual(["2026-10-01", "2026-11-01"]);
    for (const period of ["DAY", "MONTH"] as const) expect(numberTopStatements(period, day("2026-10-17"), day("2026-10-17"))).toBeNull();
  });
});
