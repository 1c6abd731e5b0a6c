import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  makeActiveService,
  makeNumberPriceList,
  makeNumberRange,
  makeTwoTenants,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { claimBlocks } from "./allocate";
import { HOLD_MINUTES } from "./hold-limits";
import { holdBlocks } from "./holds";
import { orderNumbers } from "./order";

// Issue 28, item 7: a hold taken while an order claims the same numbers must not be ordered from under its holder.
const { prisma, url } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
// A hold and an order at once, plus a side connection that watches locks.
let wide: Db;

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const choice = (area: string, extra: { blockSize?: 1 | 10; pattern?: string } = {}) => ({
  countryCode: "DE",
  type: "GEOGRAPHIC" as const,
  areaName: area,
  blockSize: 10 as 1 | 10,
  blockCount: 1,
  ...extra,
});
const holdByA = (db: Db, area: string, extra: { blockSize?: 1 | 10; pattern?: string } = {}) =>
  holdBlocks(db, a.partnerActor, { pbxId: a.pbx.id, ...choice(area, extra) });
const orderByB = (db: Db, area: string) =>
  orderNumbers(db, b.partnerActor, { pbxId: b.pbx.id, ...choice(area), idempotencyKey: key() });

/** A pool of exactly one block of 10 in its own area; returns its numbers. */
async function onePool(area: string) {
  const first = `${uniqueGermanPrefix()}000`;
  await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 10 });
  return Array.from({ length: 10 }, (_, i) => `+${BigInt(first.slice(1)) + BigInt(i)}`);
}

/** Nobody's number is both under A's live hold and ordered by B; nothing is half-allocated. */
async function expectNoDoubleUse(area: string) {
  const numbers = await prisma.phoneNumber.findMany({
    where: { areaName: area },
    select: { status: true, partnerId: true, holdId: true, orderBlockId: true },
  });
  const liveHolds = await prisma.numberHold.findMany({
    where: { partnerId: a.partner.id, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  const live = new Set(liveHolds.map((h) => h.id));
  const heldByA = numbers.filter((n) => n.holdId && live.has(n.holdId));
  const orderedByB = numbers.filter((n) => n.status === "ASSIGNED" && n.partnerId === b.partner.id);
  // A hold's numbers are all still AVAILABLE under it, or B has the whole block and A's hold names none of it.
  expect(heldByA.every((n) => n.status === "AVAILABLE")).toBe(true);
  expect(heldByA.length === 0 || orderedByB.length === 0).toBe(true);
  expect([0, 10]).toContain(orderedByB.length);
  expect(numbers.filter((n) => n.status !== "AVAILABLE" && n.status !== "ASSIGNED")).toHaveLength(0);
  const orders = await prisma.numberOrder.count({ where: { areaName: area } });
  expect(orders).toBe(orderedByB.length / 10);
  return { heldByA: heldByA.length, orderedByB: orderedByB.length };
}

async function outcome(work: Promise<unknown>) {
  return work.then(
    () => "ok" as const,
    (e: unknown) => {
      if (e instanceof AppError && e.code === "CONFLICT") return "conflict" as const;
      throw e;
    },
  );
}

beforeAll(async () => {
  wide = createPrismaClient(url, 10);
  await makeNumberPriceList(prisma, a.partner.tierId, [
    { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
  ]);
  if (b.partner.tierId !== a.partner.tierId)
    await makeNumberPriceList(prisma, b.partner.tierId, [
      { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
    ]);
  await makeActiveService(prisma, a.pbx);
  await makeActiveService(prisma, b.pbx);
});
afterAll(async () => wide?.$disconnect());

describe("a hold against an order of another partner", () => {
  it("refuses B's order of the only block A holds, and writes nothing", async () => {
    const area = "Held, only block";
    await onePool(area);
    const hold = await holdByA(prisma, area);
    const error = await orderByB(prisma, area).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/^No blocks of 10 are free in Held, only block; you asked for 1\./);
    expect(
      await prisma.phoneNumber.count({ where: { areaName: area, status: "AVAILABLE", holdId: hold.holdId } }),
    ).toBe(10);
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
    expect(await prisma.phoneNumberEvent.count({ where: { phoneNumber: { areaName: area } } })).toBe(0);

    // An expired hold blocks nothing: B's order takes the block.
    await prisma.numberHold.update({ where: { id: hold.holdId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { result } = await orderByB(prisma, area);
    expect(result.blocks).toHaveLength(1);
    expect(
      await prisma.phoneNumber.count({ where: { areaName: area, status: "ASSIGNED", partnerId: b.partner.id } }),
    ).toBe(10);
  });

  it("respects a hold committed while the order waits on the block's member lock", async () => {
    const area = "Held while waiting";
    const numbers = await onePool(area);
    const fifth = numbers[5];
    let order: Promise<unknown> | undefined;
    // A takes the fifth number of the block the way holdBlocks does, and commits only once B's order waits on it.
    const holdId = await wide.$transaction(
      async (tx) => {
        const [block] = await claimBlocks(tx, { ...choice(area, { blockSize: 1 }), pattern: `%${fifth.slice(1)}%` });
        expect(block.firstE164).toBe(fifth);
        const created = await tx.numberHold.create({
          data: {
            partnerId: a.partner.id,
            pbxId: a.pbx.id,
            countryCode: "DE",
            type: "GEOGRAPHIC",
            blockSize: 1,
            firstE164: fifth,
            expiresAt: new Date(Date.now() + HOLD_MINUTES * 60_000),
            createdById: a.partnerActor.userId,
          },
        });
        await tx.phoneNumber.updateMany({ where: { id: { in: block.ids } }, data: { holdId: created.id } });
        order = outcome(orderByB(wide, area));
        for (let i = 0; ; i++) {
          const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS "waiting" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          if (waiting > 0) break;
          if (i > 200) throw new Error("B's order never waited on the member lock");
          await new Promise((r) => setTimeout(r, 10));
        }
        return created.id;
      },
      { timeout: 10_000 },
    );
    expect(await order).toBe("conflict");
    const held = await prisma.phoneNumber.findUniqueOrThrow({ where: { e164: fifth } });
    expect(held).toMatchObject({ status: "AVAILABLE", holdId, partnerId: null });
    expect(await prisma.phoneNumber.count({ where: { areaName: area, status: { not: "AVAILABLE" } } })).toBe(0);
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
    await expectNoDoubleUse(area);
  });

  it("never lets a number be both held by A and ordered by B over 20 races on a one-block pool", async () => {
    for (let i = 0; i < 20; i++) {
      const area = `Race ${i}`;
      const numbers = await onePool(area);
      // Even rounds: A holds the whole block. Odd rounds: A holds one number inside it (the order must lock it).
      const single = i % 2 === 1;
      const [held, ordered] = await Promise.all([
        outcome(holdByA(wide, area, single ? { blockSize: 1, pattern: numbers[5].slice(1) } : {})),
        outcome(orderByB(wide, area)),
      ]);
      const state = await expectNoDoubleUse(area);
      expect(held === "ok" && ordered === "ok", `round ${i}: both the hold and the order succeeded`).toBe(false);
      if (held === "ok") expect(state.heldByA).toBe(single ? 1 : 10);
      if (ordered === "ok") expect(state.orderedByB).toBe(10);
    }
  });

  it("still lets A order the block it holds", async () => {
    const area = "Held, ordered by holder";
    await onePool(area);
    const hold = await holdByA(prisma, area);
    const { result } = await orderNumbers(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      ...choice(area),
      holdId: hold.holdId,
      idempotencyKey: key(),
    });
    expect(result.blocks[0].firstE164).toBe(hold.blocks[0].firstE164);
    expect(await prisma.numberHold.count({ where: { id: hold.holdId } })).toBe(0);
    expect(
      await prisma.phoneNumber.count({ where: { areaName: area, status: "ASSIGNED", partnerId: a.partner.id } }),
    ).toBe(10);
  });
});
