import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { vatOf, vatTreatment } from "./vat";

const on = new Date("2026-11-30T12:00:00Z");

describe("vatTreatment", () => {
  it("reverse-charges a partner in another EU country with a valid VAT number, and states it", () => {
    const vat = vatTreatment({ countryCode: "DE", countryName: "Germany", vatNumber: "DE123456788" }, on);
    expect(vat.rate.toString()).toBe("0");
    expect(vat.reverseCharge).toBe(true);
    expect(vat.note).toMatch(/^Reverse charge: .*Article 196.*DE123456788/);
  });

  it("charges the partner's country rate without a valid VAT number, and domestic VAT in the supplier's country", () => {
    expect(vatTreatment({ countryCode: "DE", countryName: "Germany", vatNumber: "DE123" }, on)).toMatchObject({
      reverseCharge: false,
      note: "VAT 19 % (Germany)",
    });
    expect(vatTreatment({ countryCode: "AT", countryName: "Austria", vatNumber: null }, on).rate.toString()).toBe("20");
    const italy = vatTreatment({ countryCode: "IT", countryName: "Italy", vatNumber: "IT00743110157" }, on);
    expect([italy.rate.toString(), italy.reverseCharge]).toEqual(["22", false]);
  });

  it("takes the rate in force on the supply date", () => {
    const finland = { countryCode: "FI", countryName: "Finland", vatNumber: null };
    expect(vatTreatment(finland, new Date("2024-08-15T12:00:00Z")).rate.toString()).toBe("24");
    expect(vatTreatment(finland, on).rate.toString()).toBe("25.5");
  });

  it("bills no EU VAT outside the EU", () => {
    const vat = vatTreatment({ countryCode: "US", countryName: "United States", vatNumber: null }, on);
    expect([vat.rate.toString(), vat.reverseCharge]).toEqual(["0", false]);
    expect(vat.note).toMatch(/outside the EU/);
  });
});

describe("vatOf", () => {
  it("rounds half up to cents", () => {
    expect(vatOf(new Prisma.Decimal("868.07"), new Prisma.Decimal(19)).toFixed(2)).toBe("164.93");
    expect(vatOf(new Prisma.Decimal("0.50"), new Prisma.Decimal(25.5)).toFixed(2)).toBe("0.13");
  });
});
