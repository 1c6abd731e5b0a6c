import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { renewalCharge, usersAddedCharge } from "./licence-charges";

// The seed's bands (R4): 1-5 users at 14.90, 6-20 at 13.50, 21-50 at 12.40 per user and month.
const bands = [
  { sku: "CLASSOUND-FLAT-1m", minUsers: 1, maxUsers: 5, pricePerUser: new Prisma.Decimal("14.90") },
  { sku: "CLASSOUND-FLAT-1m-6-20", minUsers: 6, maxUsers: 20, pricePerUser: new Prisma.Decimal("13.50") },
  { sku: "CLASSOUND-FLAT-1m-21PLUS", minUsers: 21, maxUsers: null, pricePerUser: new Prisma.Decimal("12.40") },
];
const pricing = { bands, currency: "EUR", timeZone: "Europe/Berlin" };
const day = (d: string) => new Date(`${d}T00:00:00Z`);
// A yearly term of 365 days; from 13 November 169 of them are left (18 in November, 31 + 31 + 28 +
// 31 + 30 to the end of April).
const term = { start: day("2026-05-01"), expiry: day("2027-05-01") };

describe("users added mid-term (R4, the whole PBX re-banded)", () => {
  it("charges 4 users going to 6 the 6-20 price for all 6, less what the 4 paid for the same days", () => {
    const charge = usersAddedCharge({
      ...pricing,
      licensePlan: "YEARLY",
      term,
      from: day("2026-11-13"),
      paidUsers: 4,
      users: 6,
    })!;
    // 6 × 13.50 × 12 × 169/365 = 450.0493… → 450.05; 4 × 14.90 × 12 × 169/365 = 331.1473… → 331.15.
    expect(charge.whole).toMatchObject({ users: 6, months: 12, termDays: 365, effectiveDays: 169 });
    expect(charge.whole.amount.toFixed(2)).toBe("450.05");
    expect(charge.paid!.amount.toFixed(2)).toBe("331.15");
    expect(charge.amount.toFixed(2)).toBe("118.90");
    expect(charge.description).toBe(
      "CLASSOUND-FLAT-1m-6-20: 6 users × 13.50 EUR × 12 months × 169/365 days = 450.05 EUR, less CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 169/365 days = 331.15 EUR already paid: 118.90 EUR",
    );
  });

  it("counts the days in the partner's calendar: a change at 23:30 UTC is the next day in Berlin", () => {
    const charge = usersAddedCharge({
      ...pricing,
      licensePlan: "YEARLY",
      term,
      from: new Date("2026-11-12T23:30:00Z"),
      paidUsers: 4,
      users: 6,
    })!;
    expect(charge.whole.effectiveDays).toBe(169);
  });

  it("charges nothing when no user is added, or when users come back that the term already paid for", () => {
    const base = { ...pricing, licensePlan: "YEARLY" as const, term, from: day("2026-11-13") };
    expect(usersAddedCharge({ ...base, paidUsers: 6, users: 6 })).toBeNull();
    expect(usersAddedCharge({ ...base, paidUsers: 6, users: 4 })).toBeNull();
    // Paid for 6, went down to 4 (no refund), back up to 5: still within what was paid.
    expect(usersAddedCharge({ ...base, paidUsers: 6, users: 5 })).toBeNull();
  });

  it("never refunds when the new band makes the whole PBX cheaper than what was paid", () => {
    // 21 × 12.40 × 12 × 169/365 = 1446.83 is less than 20 × 13.50 × 12 × 169/365 = 1500.16.
    const charge = usersAddedCharge({
      ...pricing,
      licensePlan: "YEARLY",
      term,
      from: day("2026-11-13"),
      paidUsers: 20,
      users: 21,
    })!;
    expect(charge.whole.amount.toFixed(2)).toBe("1446.83");
    expect(charge.paid!.amount.toFixed(2)).toBe("1500.16");
    expect(charge.amount.toFixed(2)).toBe("0.00");
  });

  it("charges the whole share when the term was paid for no user", () => {
    // A monthly term of 30 days, 17 left: 3 × 14.90 × 1 × 17/30 = 25.33.
    const charge = usersAddedCharge({
      ...pricing,
      licensePlan: "MONTHLY",
      term: { start: day("2026-11-01"), expiry: day("2026-12-01") },
      from: day("2026-11-14"),
      paidUsers: 0,
      users: 3,
    })!;
    expect(charge.paid).toBeNull();
    expect(charge.amount.toFixed(2)).toBe("25.33");
  });
});

describe("a renewal's charge (the next term's flat fee)", () => {
  it("is the term price for a term of exactly one plan period", () => {
    // 1 May 2027 to 1 May 2028 holds 29 February: 366 days, one yearly period. 6 × 13.50 × 12 = 972.00.
    const charge = renewalCharge({
      ...pricing,
      licensePlan: "YEARLY",
      users: 6,
      from: day("2027-05-01"),
      to: day("2028-05-01"),
    });
    expect(charge.quote).toMatchObject({ users: 6, months: 12, termDays: 366, effectiveDays: 366 });
    expect(charge.amount.toFixed(2)).toBe("972.00");
    expect(charge.description).toBe(
      "CLASSOUND-FLAT-1m-6-20: 6 users × 13.50 EUR × 12 months × 366/366 days = 972.00 EUR",
    );
  });

  it("is pro rata for an off-calendar term, by its days over one period's", () => {
    // 184 days of a 366-day yearly period: 972.00 × 184/366 = 488.6557… → 488.66.
    const charge = renewalCharge({
      ...pricing,
      licensePlan: "YEARLY",
      users: 6,
      from: day("2027-05-01"),
      to: day("2027-11-01"),
    });
    expect(charge.amount.toFixed(2)).toBe("488.66");
  });

  it("prices the new plan's months and the users' band", () => {
    // Monthly from 1 May: 31 days. 4 × 14.90 × 1 = 59.60.
    const charge = renewalCharge({
      ...pricing,
      licensePlan: "MONTHLY",
      users: 4,
      from: day("2027-05-01"),
      to: day("2027-06-01"),
    });
    expect(charge.amount.toFixed(2)).toBe("59.60");
  });

  it("refuses users the price list has no band for", () => {
    expect(() =>
      renewalCharge({ ...pricing, licensePlan: "YEARLY", users: 0, from: day("2027-05-01"), to: day("2028-05-01") }),
    ).toThrow(/no flat fee for 0 users/);
  });
});
