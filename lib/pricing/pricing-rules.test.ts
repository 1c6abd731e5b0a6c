import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { flatFeeQuote } from "./flat-fee-quote";
import { derivedTierPrice, roundPrice } from "./rounding";

const bands = [1, 6, 21, 51, 101, 251].map((minUsers, i, all) => ({
  sku: `SKU-${minUsers}`,
  minUsers,
  maxUsers: all[i + 1] ? all[i + 1] - 1 : null,
  pricePerUser: new Prisma.Decimal("10.00"),
}));
const quoteFor = (users: number) =>
  flatFeeQuote({
    bands,
    currency: "EUR",
    users,
    licensePlan: "MONTHLY",
    term: { start: new Date("2026-11-01Z"), expiry: new Date("2026-12-01Z") },
    orderDate: new Date("2026-11-01Z"),
    timeZone: "UTC",
  });

describe("band selection by user count (R4)", () => {
  it.each([
    [1, "SKU-1"],
    [5, "SKU-1"],
    [6, "SKU-6"],
    [20, "SKU-6"],
    [21, "SKU-21"],
    [250, "SKU-101"],
    [251, "SKU-251"],
    [10_000, "SKU-251"],
  ])("%i users fall in band %s", (users, sku) => {
    expect(quoteFor(users).sku).toBe(sku);
  });

  it("has no band for zero users", () => {
    expect(() => quoteFor(0)).toThrowError(/no flat fee for 0 users/);
  });
});

describe("derived tier prices and rounding", () => {
  it("takes the tier discount off the End User price, exactly", () => {
    // 14.90 × 0.70 = 10.43 exactly; a float gives 10.429999…
    expect(derivedTierPrice("14.90", "0.30", "fee").toFixed(2)).toBe("10.43");
    expect(derivedTierPrice("0.01900", "0.30", "rate").toString()).toBe("0.0133");
  });

  it("rounds fees to cents and rates to 5 places, half up", () => {
    expect(roundPrice("1.005", "fee").toFixed(2)).toBe("1.01");
    expect(roundPrice("1.004999", "fee").toFixed(2)).toBe("1.00");
    expect(roundPrice("0.123455", "rate").toString()).toBe("0.12346");
    // 13.50 × 0.85 = 11.475 → 11.48
    expect(derivedTierPrice("13.50", "0.15", "fee").toFixed(2)).toBe("11.48");
  });

  it("leaves End User prices as they are (no discount)", () => {
    expect(derivedTierPrice("9.10", null, "fee").toFixed(2)).toBe("9.10");
  });
});
