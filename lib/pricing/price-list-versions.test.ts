import { describe, expect, it } from "vitest";
import { makeCountry, makeTier, seedPricing } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { priceListInForce } from "./price-list-in-force";

const { prisma } = await createTestDatabase();

async function version(tierId: string, validFrom: string) {
  return prisma.priceList.create({
    data: { tierId, name: `v ${validFrom}`, validFrom: new Date(validFrom), smsRate: "0.01" },
  });
}

describe("price-list versions", () => {
  it("holds the seed's catalogue within every constraint", async () => {
    await expect(seedPricing(prisma)).resolves.toBeUndefined();
    expect(await prisma.country.count({ where: { callTerminationArea: { notIn: [1, 2, 3, 4, 5, 6] } } })).toBe(0);
  });

  it("puts in force the latest version whose date has passed, keeping older ones readable", async () => {
    const tier = await makeTier(prisma, "VERSIONS");
    const [v2025, v2026, future] = [
      await version(tier.id, "2025-01-01"),
      await version(tier.id, "2026-07-01"),
      await version(tier.id, "2027-01-01"),
    ];
    const at = (date: string) => priceListInForce(prisma, tier.id, new Date(date), {}).then((l) => l?.id ?? null);
    expect(await at("2024-12-31")).toBeNull();
    expect(await at("2026-06-30T23:59:59Z")).toBe(v2025.id);
    expect(await at("2026-07-01T00:00:00Z")).toBe(v2026.id);
    expect(await at("2027-03-01")).toBe(future.id);
    expect(await prisma.priceList.count({ where: { tierId: tier.id } })).toBe(3);
    expect(v2025.currency).toBe("EUR");
  });

  it("lets the database refuse a second version on the same date, a repeated SKU, a negative price and area 7", async () => {
    const tier = await makeTier(prisma, "RULES");
    const list = await version(tier.id, "2026-01-01");
    await expect(version(tier.id, "2026-01-01")).rejects.toThrow(/Unique constraint/);
    const band = {
      priceListId: list.id,
      sku: "CLASSOUND-FLAT-1m",
      description: "Users 1-5",
      minUsers: 1,
      maxUsers: 5,
      pricePerUser: "10",
    };
    await prisma.flatFeeBand.create({ data: band });
    await expect(prisma.flatFeeBand.create({ data: { ...band, minUsers: 6, maxUsers: 20 } })).rejects.toThrow(
      /Unique constraint/,
    );
    await expect(
      prisma.flatFeeBand.create({ data: { ...band, sku: "X", minUsers: 6, pricePerUser: "-0.01" } }),
    ).rejects.toThrow(/FlatFeeBand_price_not_negative/);
    await expect(prisma.areaRate.create({ data: { priceListId: list.id, area: 7, perMinute: "0.1" } })).rejects.toThrow(
      /AreaRate_area_1_to_6/,
    );
    await expect(prisma.areaRate.create({ data: { priceListId: list.id, area: 1, perMinute: "-1" } })).rejects.toThrow(
      /AreaRate_price_not_negative/,
    );
    await expect(prisma.priceList.update({ where: { id: list.id }, data: { smsRate: "-0.5" } })).rejects.toThrow(
      /PriceList_smsRate_not_negative/,
    );
    await expect(
      prisma.numberPrice.create({
        data: { priceListId: list.id, countryCode: "DE", type: "GEOGRAPHIC", setupFee: "1", monthlyFee: "-1" },
      }),
    ).rejects.toThrow(/NumberPrice_fees_not_negative/);
    await expect(makeCountry(prisma, { code: "XA", area: 7 })).rejects.toThrow(/Country_callTerminationArea_1_to_6/);
    await expect(makeCountry(prisma, { code: "XB", area: 0 })).rejects.toThrow(/Country_callTerminationArea_1_to_6/);
  });
});
