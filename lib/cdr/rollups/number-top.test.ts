import { describe, expect, it } from "vitest";
import { monthsOfDays, rankedDays, rankingPeriod } from "./number-top";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDays = (r: { from: Date; toExclusive: Date }) => [r.from, r.toExclusive].map((d) => d.toISOString().slice(0, 10));

describe("monthsOfDays", () => {
  it("lists every month the days touch, across a year end", () => {
    const months = monthsOfDays(day("2026-11-30"), day("2027-01-02"));
    expect(months.map((m) => m.toISOString().slice(0, 10))).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
  });

  it("gives one month for days inside it, and none for no days", () => {
    expect(monthsOfDays(day("2026-10-17"), day("2026-10-18")).map((m) => m.toISOString())).toEqual(["2026-10-01T00:00:00.000Z"]);
    expect(monthsOfDays(day("2026-10-17"), day("2026-10-17"))).toEqual([]);
  });
});

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

  it("ranks every month the refreshed days touch, whole", () => {
    expect(isoDays(rankedDays("MONTH", ...refreshed).days)).toEqual(["2026-10-01", "2026-12-01"]);
  });
});
