import { describe, expect, it } from "vitest";
import { monthsOfDays } from "./monthly-top";

describe("monthsOfDays", () => {
  it("lists every month the days touch, across a year end", () => {
    const months = monthsOfDays(new Date("2026-11-30T00:00:00Z"), new Date("2027-01-02T00:00:00Z"));
    expect(months.map((m) => m.toISOString().slice(0, 10))).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
  });

  it("gives one month for days inside it, and none for no days", () => {
    expect(monthsOfDays(new Date("2026-10-17T00:00:00Z"), new Date("2026-10-18T00:00:00Z")).map((m) => m.toISOString())).toEqual(["2026-10-01T00:00:00.000Z"]);
    expect(monthsOfDays(new Date("2026-10-17T00:00:00Z"), new Date("2026-10-17T00:00:00Z"))).toEqual([]);
  });
});
