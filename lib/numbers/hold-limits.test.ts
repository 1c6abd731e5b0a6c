import { beforeAll, describe, expect, it } from "vitest";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";
import {
  makeActiveService,
  makeNumberPriceList,
  makeNumberRange,
  makePbx,
  makeTwoTenants,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { holdBlocks } from "./holds";
import { orderNumbers } from "./order";

// Issue 28, item 2: a partner held a country's whole pool, forever, by holding it again every half hour.
const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
const MINUTE = 60_000;

const choice = (area: string, blockSize: 1 | 10, blockCount: number) => ({
  countryCode: "DE",
  type: "GEOGRAPHIC" as const,
  areaName: area,
  blockSize,
  blockCount,
});

async function pool(area: string, size: number) {
  await makeNumberRange(prisma, {
    countryCode: "DE",
    type: "GEOGRAPHIC",
    areaName: area,
    first: `${uniqueGermanPrefix()}000`,
    size,
  });
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("CONFLICT");
  return error as AppError;
}

const heldIn = (area: string) =>
  prisma.phoneNumber.count({ where: { areaName: area, hold: { expiresAt: { gt: new Date() } } } });

beforeAll(async () => {
  for (const tierId of new Set([a.partner.tierId, b.partner.tierId]))
    await makeNumberPriceList(prisma, tierId, [
      { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
    ]);
  for (const tenant of [a, b]) await makeActiveService(prisma, tenant.pbx);
});

describe("the cap on numbers a partner holds at once", () => {
  it("is 200 numbers unless NUMBER_HOLD_MAX_NUMBERS says otherwise", () => {
    const env = (extra: Record<string, string> = {}) => ({ NODE_ENV: "test" as const, ...extra });
    expect(readRuntimeEnv(env()).NUMBER_HOLD_MAX_NUMBERS).toBe(200);
    expect(readRuntimeEnv(env({ NUMBER_HOLD_MAX_NUMBERS: "50" })).NUMBER_HOLD_MAX_NUMBERS).toBe(50);
  });

  it("refuses the hold that would pass it, says the cap and what is held, and holds nothing of it", async () => {
    const area = "Cap";
    await pool(area, 40);
    const second = await makePbx(prisma, a.customer.id);
    await makeActiveService(prisma, second);
    const cap = 20;
    const hold = (pbxId: string, blockSize: 1 | 10, blockCount: number) =>
      holdBlocks(prisma, a.partnerActor, { pbxId, ...choice(area, blockSize, blockCount) }, new Date(), cap);

    const first = await hold(a.pbx.id, 10, 1);
    // 10 held + 11 asked: the 21st number is one too many, so none of the 11 is held.
    const error = await refusal(hold(second.id, 1, 11));
    expect(error.message).toBe(
      "Your company may hold at most 20 numbers at once and holds 10 now; this hold of 11 would make 21. " +
        "Order the numbers you hold, or hold fewer.",
    );
    expect(await prisma.numberHold.count({ where: { pbxId: second.id } })).toBe(0);
    expect(await heldIn(area)).toBe(10);

    // Up to the cap is fine.
    await hold(second.id, 1, 10);
    expect(await heldIn(area)).toBe(20);
    // Holding again on a PBX replaces its hold, so only the growth counts; a refusal keeps the hold it would replace.
    await refusal(hold(second.id, 1, 11));
    expect(await prisma.phoneNumber.count({ where: { areaName: area, hold: { pbxId: second.id } } })).toBe(10);
    const again = await hold(a.pbx.id, 10, 1);
    expect(again.blocks).toEqual(first.blocks);
    expect(await heldIn(area)).toBe(20);
  });
});

describe("the lifetime of a partner's hold on a number", () => {
  it("lets holding again move the expiry, never past 2 hours from the first hold, then not again for a day", async () => {
    const area = "Lifetime";
    await pool(area, 10);
    const hold = (at: Date) => holdBlocks(prisma, a.partnerActor, { pbxId: a.pbx.id, ...choice(area, 10, 1) }, at);
    const firstHold = new Date(Date.now() - 110 * MINUTE);
    const first = await hold(firstHold);
    expect(first.expiresAt).toBe(new Date(firstHold.getTime() + 30 * MINUTE).toISOString());

    // 110 minutes later: 10 minutes of the 2 hours are left, not another 30.
    const lifetimeEnd = new Date(firstHold.getTime() + 120 * MINUTE).toISOString();
    const renewed = await hold(new Date());
    expect(renewed.blocks).toEqual(first.blocks);
    expect(renewed.expiresAt).toBe(lifetimeEnd);
    expect((await hold(new Date(Date.now() + 5 * MINUTE))).expiresAt).toBe(lifetimeEnd);

    // Past the 2 hours the partner cannot hold them again (it may still order them) ...
    const error = await refusal(hold(new Date(firstHold.getTime() + 121 * MINUTE)));
    expect(error.message).toMatch(/^No blocks of 10 are free in Lifetime; you asked for 1\./);
    expect(error.message).toMatch(
      / 10 numbers your company has held for 2 hours can be held by it again 24 hours after its first hold of them;/,
    );
    // ... until a day after its first hold, when a new 2 hours start.
    const nextDay = new Date(firstHold.getTime() + (24 * 60 + 1) * MINUTE);
    const fresh = await hold(nextDay);
    expect(fresh.blocks).toEqual(first.blocks);
    expect(fresh.expiresAt).toBe(new Date(nextDay.getTime() + 30 * MINUTE).toISOString());
  });

  it("lets another partner order once the first partner's hold lifetime has ended", async () => {
    const area = "Lifetime, then another partner";
    await pool(area, 10);
    const hold = (at: Date) => holdBlocks(prisma, a.partnerActor, { pbxId: a.pbx.id, ...choice(area, 10, 1) }, at);
    const orderByB = () =>
      orderNumbers(prisma, b.partnerActor, {
        pbxId: b.pbx.id,
        ...choice(area, 10, 1),
        idempotencyKey: `key-${Math.random().toString(36).slice(2, 12)}`,
      });
    // A held the pool 2 hours and 1 minute ago and has held it again every 25 minutes since.
    const firstHold = Date.now() - 121 * MINUTE;
    for (const minutes of [0, 25, 50, 75, 100, 115]) await hold(new Date(firstHold + minutes * MINUTE));
    await refusal(hold(new Date()));
    const { result } = await orderByB();
    expect(result.blocks).toHaveLength(1);
    expect(await prisma.phoneNumber.count({ where: { areaName: area, partnerId: b.partner.id } })).toBe(10);
  });
});
