import { describe, expect, it } from "vitest";
import { daysBetween, proratedCharge } from "./proration";

describe("R3 proration", () => {
  it("charges August-to-May of a May-to-May yearly term (the guide's example)", () => {
    const start = new Date("2020-05-01T00:00:00Z");
    const expiry = new Date("2021-05-01T00:00:00Z");
    const order = new Date("2020-08-01T00:00:00Z");
    expect(daysBetween(start, expiry)).toBe(365);
    expect(daysBetween(order, expiry)).toBe(273);
    // 120.00 × 273 / 365 = 89.753… → 89.75
    expect(proratedCharge("120.00", start, expiry, order).toFixed(2)).toBe("89.75");
  });

  it("charges the whole term when ordered on its first day and nothing after expiry", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const expiry = new Date("2027-01-01T00:00:00Z");
    expect(proratedCharge("99.99", start, expiry, start).toFixed(2)).toBe("99.99");
    expect(proratedCharge("99.99", start, expiry, new Date("2027-02-01T00:00:00Z")).toFixed(2)).toBe("0.00");
  });

  it("stays exact where floats would drift", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const expiry = new Date("2026-01-04T00:00:00Z");
    expect(proratedCharge("0.10", start, expiry, new Date("2026-01-02T00:00:00Z")).toFixed(2)).toBe("0.07");
  });
});
