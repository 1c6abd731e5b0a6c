import { describe, expect, it } from "vitest";
import { dateRange, numberMatches, numberPattern, ZStatisticsFilters } from "./filters";

const errorsOf = (query: Record<string, string>) => {
  const parsed = ZStatisticsFilters.safeParse(query);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("statistics date filters", () => {
  it("takes dates typed without choosing Custom as a custom range", () => {
    const parsed = ZStatisticsFilters.parse({ preset: "this_month", from: "2026-10-05", to: "2026-10-09" });
    expect(parsed).toMatchObject({ preset: "custom", from: "2026-10-05", to: "2026-10-09" });
    expect(dateRange(parsed)).toEqual({
      from: new Date("2026-10-05T00:00:00Z"),
      toExclusive: new Date("2026-10-10T00:00:00Z"),
    });
    expect(ZStatisticsFilters.parse({ from: "2026-10-05", to: "2026-10-05" }).preset).toBe("custom");
  });

  it("names the date field of a missing, invalid or reversed range", () => {
    expect(errorsOf({ preset: "last_month", from: "2026-10-05" })).toEqual({ to: "Choose the last day of the range" });
    expect(errorsOf({ preset: "custom" })).toEqual({
      from: "Choose the first day of the range",
      to: "Choose the last day of the range",
    });
    expect(errorsOf({ from: "2026-10-09", to: "2026-10-05" })).toEqual({ to: "The last day is before the first day" });
    expect(errorsOf({ from: "2026-02-30", to: "2026-01-05" })).toEqual({ from: "Not a real date" });
    // Every error at once: a bad number does not hide a reversed range.
    expect(errorsOf({ from: "2026-10-09", to: "2026-10-05", number: "abc" })).toMatchObject({
      to: "The last day is before the first day",
    });
  });

  it("keeps a preset without dates", () => {
    expect(ZStatisticsFilters.parse({ preset: "last_month" })).toMatchObject({ preset: "last_month" });
  });
});

describe("statistics number filter", () => {
  it("accepts part of a number's digits or its start, as people type them", () => {
    expect(ZStatisticsFilters.parse({ number: "4989" }).number).toBe("4989");
    expect(ZStatisticsFilters.parse({ number: "+49 (89) 123-45" }).number).toBe("+498912345");
    expect(ZStatisticsFilters.parse({ number: "+4989123456" }).number).toBe("+4989123456");
  });

  it("refuses letters and too few digits at the field, never ignoring them", () => {
    expect(errorsOf({ number: "abc" })).toEqual({
      number: "Use digits only: part of a number (4989) or its start with + (+4989)",
    });
    expect(errorsOf({ number: "+12" })).toEqual({ number: "Type at least 3 digits" });
    expect(errorsOf({ number: "1234567890123456" })).toEqual({ number: "A number has at most 15 digits" });
  });

  it("matches anywhere in the digits, or at the start with a +", () => {
    expect(numberPattern("4989")).toBe("%4989%");
    expect(numberPattern("+4989")).toBe("+4989%");
    expect(numberMatches("4989", "+4989123456")).toBe(true);
    expect(numberMatches("3456", "+4989123456")).toBe(true);
    expect(numberMatches("+4989", "+4989123456")).toBe(true);
    expect(numberMatches("+89", "+4989123456")).toBe(false);
  });
});
