import { describe, expect, it } from "vitest";
import { costTitle } from "./period-title";

const now = new Date("2026-12-06T15:00:00Z");

describe("the cost card's title", () => {
  it.each([
    ["", "Cost so far this month"],
    ["preset=last_month", "Cost in November 2026"],
    ["preset=today", "Cost today"],
    ["preset=7d", "Cost in the last 7 days"],
    ["preset=custom&from=2026-10-01&to=2026-10-31", "Cost in October 2026"],
    ["preset=custom&from=2026-12-01&to=2026-12-31", "Cost so far this month"],
    ["preset=custom&from=2026-10-03&to=2026-10-03", "Cost on 3 Oct 2026"],
    ["preset=custom&from=2026-10-03&to=2026-11-12", "Cost from 3 Oct to 12 Nov 2026"],
    ["preset=custom&from=2025-12-30&to=2026-01-02", "Cost from 30 Dec 2025 to 2 Jan 2026"],
    ["pbx=abc&preset=last_month&area=1", "Cost in November 2026"],
  ])("names the period of %j: %s", (query, title) => {
    expect(costTitle(query, now)).toBe(title);
  });

  it("names last month across a year's turn", () => {
    expect(costTitle("preset=last_month", new Date("2027-01-01T00:00:00Z"))).toBe("Cost in December 2026");
  });

  it("names the months of the view's time zone: at 23:30 UTC on 30 November it is December in Berlin", () => {
    const lateNovember = new Date("2026-11-30T23:30:00Z");
    expect(costTitle("preset=last_month", lateNovember, "Europe/Berlin")).toBe("Cost in November 2026");
    expect(costTitle("preset=last_month", lateNovember)).toBe("Cost in October 2026");
    expect(costTitle("preset=custom&from=2026-12-01&to=2026-12-31", lateNovember, "Europe/Berlin")).toBe(
      "Cost so far this month",
    );
  });
});
