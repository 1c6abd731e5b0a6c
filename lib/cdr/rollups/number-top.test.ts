import { describe, expect, it } from "vitest";
import { currentSevenDays, numberTopStatements, rankingPeriod, rankingPlan } from "./number-top";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDays = (r: { from: Date; toExclusive: Date }) =>
  [r.from, r.toExclusive].map((d) => d.toISOString().slice(0, 10));
const now = new Date("2026-11-05T13:00:00Z");

describe("rankingPeriod", () => {
  it.each([
    ["2026-11-20", "2026-11-21", "DAY"],
    ["2026-10-28", "2026-11-04", "SEVEN_DAYS"],
    ["2026-02-01", "2026-03-01", "MONTH"],
    ["2026-12-01", "2027-01-01", "MONTH"],
    ["2026-10-05", "2026-11-11", null],
    ["2026-10-02", "2026-11-02", null],
    ["2026-11-20", "2026-11-22", null],
    ["2026-11-20", "2026-11-28", null],
  ])("ranks [%s, %s) by %s", (from, toExclusive, period) => {
    expect(rankingPeriod({ from: day(from), toExclusive: day(toExclusive) })).toBe(period);
  });
});

describe("rankingPlan", () => {
  const refreshed = [day("2026-10-31"), day("2026-11-02")] as const;

  it("ranks the refreshed days again, each from its own day", () => {
    const plan = rankingPlan("DAY", ...refreshed, now);
    expect([isoDays(plan.starts), isoDays(plan.days)]).toEqual([
      ["2026-10-31", "2026-11-02"],
      ["2026-10-31", "2026-11-02"],
    ]);
  });

  it("ranks every month the refreshed days touch, whole, across a year end too", () => {
    expect(isoDays(rankingPlan("MONTH", ...refreshed, now).days)).toEqual(["2026-10-01", "2026-12-01"]);
    expect(isoDays(rankingPlan("MONTH", day("2026-11-30"), day("2027-01-02"), now).days)).toEqual([
      "2026-11-01",
      "2027-02-01",
    ]);
    expect(isoDays(rankingPlan("MONTH", day("2026-10-17"), day("2026-10-18"), now).days)).toEqual([
      "2026-10-01",
      "2026-11-01",
    ]);
  });

  it("ranks the seven days ending today when a refreshed day is in them, and deletes every window holding one", () => {
    expect(isoDays(currentSevenDays(now))).toEqual(["2026-10-30", "2026-11-06"]);
    const plan = rankingPlan("SEVEN_DAYS", ...refreshed, now);
    expect(isoDays(plan.starts)).toEqual(["2026-10-25", "2026-11-02"]);
    expect(isoDays(plan.days)).toEqual(["2026-10-30", "2026-11-06"]);
    // The day before the current window does not rank it again; the window's first day does.
    expect(isoDays(rankingPlan("SEVEN_DAYS", day("2026-10-29"), day("2026-10-30"), now).days)).toEqual([
      "2026-10-29",
      "2026-10-29",
    ]);
    expect(isoDays(rankingPlan("SEVEN_DAYS", day("2026-10-30"), day("2026-10-31"), now).days)).toEqual([
      "2026-10-30",
      "2026-11-06",
    ]);
  });

  it("only deletes the seven-day windows of days refreshed outside the current one", () => {
    const plan = rankingPlan("SEVEN_DAYS", day("2026-10-10"), day("2026-10-12"), now);
    expect(isoDays(plan.starts)).toEqual(["2026-10-04", "2026-10-12"]);
    const statements = numberTopStatements(plan);
    expect(statements.delete).not.toBeNull();
    expect(statements.insert).toBeNull();
  });

  it("deletes and ranks nothing for no days", () => {
    for (const period of ["DAY", "SEVEN_DAYS", "MONTH"] as const) {
      expect(numberTopStatements(rankingPlan(period, day("2026-11-02"), day("2026-11-02"), now))).toEqual({
        delete: null,
        insert: null,
      });
    }
  });
});
