import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  makeActiveService,
  makeCountry,
  makeNumberPriceList,
  makeNumberRange,
  makeTwoTenants,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { orderFormOptions } from "./context";
import { holdBlocks } from "./holds";
import { blocksForQuantity, quantityProblem } from "./quantity";
import { ZOrderQuantity } from "./schemas";

// Issue 32, finding 3: ordering shows what can be delivered (decision 0047).
const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
await makeActiveService(prisma, a.pbx);
await makeActiveService(prisma, b.pbx);
for (const [code, name, dialCode] of [
  ["AE", "United Arab Emirates", "971"],
  ["CZ", "Czechia", "420"],
  ["JP", "Japan", "81"],
] as const)
  await makeCountry(prisma, { code, name, dialCode });
const priceList = await makeNumberPriceList(prisma, a.partner.tierId, [
  { countryCode: "AE", type: "GEOGRAPHIC", setupFee: "9.00", monthlyFee: "4.00" },
  { countryCode: "DE", type: "FREEPHONE", setupFee: "20.00", monthlyFee: "8.00" },
  { countryCode: "JP", type: "GEOGRAPHIC", setupFee: "6.00", monthlyFee: "3.00" },
  { countryCode: "CZ", type: "GEOGRAPHIC", setupFee: "4.00", monthlyFee: "1.10" },
  { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
]);
await prisma.freephoneMinuteRate.createMany({
  data: [
    { priceListId: priceList.id, countryCode: "DE", source: "FIXED", perMinute: "0.03100" },
    { priceListId: priceList.id, countryCode: "DE", source: "MOBILE", perMinute: "0.15500" },
    { priceListId: priceList.id, countryCode: "DE", source: "PAYPHONE", perMinute: "0.42000" },
  ],
});

/** The client with a count of the operations it sends (each one statement here: no nested reads). */
function counting(db: Db) {
  const seen = { operations: 0 };
  const client = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        seen.operations++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { client, seen };
}

describe("a quantity of numbers becomes blocks of one size (decision 0047)", () => {
  const stock = (b1: number, b10: number, b100: number) => ({ 1: b1, 10: b10, 100: b100 });

  it("uses the largest size that divides the quantity and that the stock has enough of", () => {
    expect(blocksForQuantity(60, stock(100, 10, 1))).toMatchObject({ blockSize: 10, blockCount: 6, fits: true });
    expect(blocksForQuantity(60, stock(100, 10, 1))!.explanation).toBe("60 numbers = 6 blocks of 10.");
    expect(blocksForQuantity(200, stock(300, 30, 2))).toMatchObject({ blockSize: 100, blockCount: 2, fits: true });
    // One hundred free: 200 becomes 20 blocks of 10, and says why.
    const tens = blocksForQuantity(200, stock(300, 30, 1))!;
    expect(tens).toMatchObject({ blockSize: 10, blockCount: 20, fits: true });
    expect(tens.explanation).toBe("200 numbers = 20 blocks of 10 (not enough blocks of 100 are free).");
    const singles = blocksForQuantity(7, stock(9, 0, 0))!;
    expect(singles).toMatchObject({ blockSize: 1, blockCount: 7, fits: true });
    expect(singles.explanation).toBe(
      "7 numbers = 7 single numbers (7 is not a multiple of 10; single numbers need not be consecutive).",
    );
  });

  it("says when the stock cannot fill it, before anything is submitted", () => {
    const short = blocksForQuantity(60, stock(40, 4, 0))!;
    expect(short).toMatchObject({ blockSize: 10, blockCount: 6, fits: false });
    expect(short.explanation).toBe("60 numbers = 6 blocks of 10, but only 4 blocks of 10 are free here.");
    expect(blocksForQuantity(1, stock(0, 0, 0))!.explanation).toBe(
      "1 number = 1 single number, but none are free here.",
    );
  });

  it("refuses a quantity no order can hold with the next orderable ones, as a field error of the shared schema", () => {
    expect(blocksForQuantity(123, stock(500, 50, 5))).toBeNull();
    expect(quantityProblem(123)).toBe(
      "123 is not a multiple of 10, and one order takes at most 100 single numbers: ask for 120 or 130.",
    );
    const form = { pbxId: a.pbx.id, countryCode: "DE", type: "GEOGRAPHIC" };
    const errors = (quantity: string) =>
      ZOrderQuantity.safeParse({ ...form, quantity }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors("123")).toEqual([["quantity", quantityProblem(123)]]);
    expect(errors("0")).toEqual([["quantity", "Ask for at least 1 number."]]);
    expect(errors("2.5")).toEqual([["quantity", "Enter a whole number of numbers."]]);
    expect(errors("many")).toEqual([["quantity", "Enter how many numbers you need."]]);
    expect(errors("60")).toBeUndefined();
  });
});

describe("the order form's choices (R6, R7)", () => {
  it("lists products by country name with their free blocks per area and size, counted in one statement", async () => {
    const first = `${uniqueGermanPrefix()}000`;
    const base = BigInt(first.slice(1));
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: "Munich", first, size: 200 });
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: "Berlin",
      first: `+${base + 1000n}`,
      size: 30,
    });
    // One number taken in Munich's first hundred: 199 singles, 19 tens, 1 hundred free.
    await prisma.phoneNumber.update({ where: { e164: `+${base + 5n}` }, data: { status: "ASSIGNED" } });
    // Another partner's live hold on a block of ten in Berlin: not free to a; its own would be.
    await holdBlocks(prisma, b.partnerActor, {
      pbxId: b.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: "Berlin",
      blockSize: 10,
      blockCount: 1,
    });

    const { client, seen } = counting(prisma);
    const options = await orderFormOptions(client, a.partnerActor, a.pbx.id);
    // The PBX, the price list, the stock of every product: not one query per product.
    expect(seen.operations).toBe(3);

    expect(options.products.map((p) => `${p.countryName}, ${p.type}`)).toEqual([
      "Czechia, GEOGRAPHIC",
      "Germany, GEOGRAPHIC",
      "Germany, FREEPHONE",
      "Japan, GEOGRAPHIC",
      "United Arab Emirates, GEOGRAPHIC",
    ]);
    const germany = options.products.find((p) => p.countryCode === "DE" && p.type === "GEOGRAPHIC")!;
    expect(germany.stock.areas).toEqual([
      { areaName: "Berlin", blocks: { 1: 20, 10: 2, 100: 0 } },
      { areaName: "Munich", blocks: { 1: 199, 10: 19, 100: 1 } },
    ]);
    expect(germany.stock.blocks).toEqual({ 1: 219, 10: 21, 100: 1 });
    const japan = options.products.find((p) => p.countryCode === "JP")!;
    expect(japan.stock).toEqual({ countryCode: "JP", type: "GEOGRAPHIC", blocks: { 1: 0, 10: 0, 100: 0 }, areas: [] });
  });

  it("prices FreePhone with its per-minute inbound prices by the caller's source beside the fees", async () => {
    const options = await orderFormOptions(prisma, a.partnerActor, a.pbx.id);
    const freephone = options.products.find((p) => p.type === "FREEPHONE")!;
    expect(freephone).toMatchObject({ setupFee: "20.00", monthlyFee: "8.00" });
    expect(freephone.perMinute).toEqual([
      { source: "FIXED", perMinute: "0.0310" },
      { source: "MOBILE", perMinute: "0.1550" },
      { source: "PAYPHONE", perMinute: "0.4200" },
    ]);
    expect(options.products.find((p) => p.countryCode === "CZ")!.perMinute).toBeNull();
  });

  it("answers an order of a product with no stock with the next step, not 'only 0 blocks'", async () => {
    const error = await holdBlocks(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      countryCode: "JP",
      type: "GEOGRAPHIC",
      blockSize: 1,
      blockCount: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toBe(
      "No geographic numbers in Japan are free at the moment. Request them from support and they are added for you.",
    );
  });
});
