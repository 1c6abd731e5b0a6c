import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { describeFlatFeeQuote, flatFeeQuote } from "./flat-fee-quote";
import { addMonths, daysBetween, proratedCharge } from "./proration";

const UTC = "UTC";
const BERLIN = "Europe/Berlin";

describe("R3 proration", () => {
  it("charges August-to-May of a May-to-May yearly term (the guide's example)", () => {
    const term = { start: new Date("2020-05-01T00:00:00Z"), expiry: new Date("2021-05-01T00:00:00Z") };
    const order = new Date("2020-08-01T00:00:00Z");
    expect(daysBetween(term.start, term.expiry, UTC)).toBe(365);
    expect(daysBetween(order, term.expiry, UTC)).toBe(273);
    // 120.00 × 273 / 365 = 89.753… → 89.75
    expect(proratedCharge("120.00", term, order, UTC).toFixed(2)).toBe("89.75");
  });

  it("prorates a monthly term by the days of that month", () => {
    const term = { start: new Date("2026-11-01T00:00:00Z"), expiry: new Date("2026-12-01T00:00:00Z") };
    // 18 of 30 days: 41.70 × 18 / 30 = 25.02
    expect(proratedCharge("41.70", term, new Date("2026-11-13T09:00:00Z"), UTC).toFixed(2)).toBe("25.02");
  });

  it("prorates a 5-year term over its 1826 days", () => {
    const term = { start: new Date("2024-03-01T00:00:00Z"), expiry: addMonths(new Date("2024-03-01T00:00:00Z"), 60) };
    expect(daysBetween(term.start, term.expiry, UTC)).toBe(1826);
    // 600.00 × 1461 / 1826 = 480.0657… → 480.07 (ordered exactly one year in, 2025-03-01)
    expect(proratedCharge("600.00", term, new Date("2025-03-01T00:00:00Z"), UTC).toFixed(2)).toBe("480.07");
  });

  it("charges the whole term when ordered on its first day and nothing after expiry", () => {
    const term = { start: new Date("2026-01-01T00:00:00Z"), expiry: new Date("2027-01-01T00:00:00Z") };
    expect(proratedCharge("99.99", term, term.start, UTC).toFixed(2)).toBe("99.99");
    expect(proratedCharge("99.99", term, new Date("2027-02-01T00:00:00Z"), UTC).toFixed(2)).toBe("0.00");
  });

  it("counts the partner's local calendar day: 00:30 in Berlin is that day, not the previous one", () => {
    // 2026-11-12T23:30Z is 00:30 on 13 November in Berlin.
    const order = new Date("2026-11-12T23:30:00Z");
    const expiry = new Date("2026-12-01T12:00:00Z");
    expect(daysBetween(order, expiry, UTC)).toBe(19);
    expect(daysBetween(order, expiry, BERLIN)).toBe(18);
  });

  it("stays exact where floats would drift", () => {
    const term = { start: new Date("2026-01-01T00:00:00Z"), expiry: new Date("2026-01-04T00:00:00Z") };
    expect(proratedCharge("0.10", term, new Date("2026-01-02T00:00:00Z"), UTC).toFixed(2)).toBe("0.07");
  });
});

describe("flat fee quote (R3 + R4)", () => {
  const bands = [
    { sku: "CLASSOUND-FLAT-1m", minUsers: 1, maxUsers: 5, pricePerUser: new Prisma.Decimal("10.43") },
    { sku: "CLASSOUND-FLAT-6-20", minUsers: 6, maxUsers: 20, pricePerUser: new Prisma.Decimal("9.50") },
  ];
  const term = { start: new Date("2026-11-01T00:00:00+01:00"), expiry: new Date("2026-12-01T00:00:00+01:00") };

  it("prices the PBX's users at their band for the effective days, with the formula", () => {
    const quote = flatFeeQuote({
      bands,
      currency: "EUR",
      users: 4,
      licensePlan: "MONTHLY",
      term,
      orderDate: new Date("2026-11-13T10:00:00Z"),
      timeZone: BERLIN,
    });
    // 4 × 10.43 × 1 month = 41.72; × 18/30 = 25.032 → 25.03
    expect({
      sku: quote.sku,
      termDays: quote.termDays,
      effectiveDays: quote.effectiveDays,
      amount: quote.amount.toFixed(2),
    }).toEqual({
      sku: "CLASSOUND-FLAT-1m",
      termDays: 30,
      effectiveDays: 18,
      amount: "25.03",
    });
    expect(describeFlatFeeQuote(quote)).toBe(
      "CLASSOUND-FLAT-1m: 4 users × 10.43 EUR × 1 month × 18/30 days = 25.03 EUR",
    );
  });

  it("uses the band of the whole user count and refuses a count no band covers", () => {
    const quote = flatFeeQuote({
      bands,
      currency: "EUR",
      users: 6,
      licensePlan: "YEARLY",
      term: { start: new Date("2026-01-01T00:00:00Z"), expiry: new Date("2027-01-01T00:00:00Z") },
      orderDate: new Date("2026-01-01T12:00:00Z"),
      timeZone: UTC,
    });
    expect(quote.amount.toFixed(2)).toBe("684.00");
    expect(() =>
      flatFeeQuote({
        bands,
        currency: "EUR",
        users: 21,
        licensePlan: "MONTHLY",
        term,
        orderDate: term.start,
        timeZone: UTC,
      }),
    ).toThrowError(/no flat fee for 21 users/);
  });
});
