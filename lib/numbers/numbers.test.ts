import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { assignSite } from "@/lib/emergency/assign";
import { createSite } from "@/lib/emergency/sites";
import { AppError } from "@/lib/errors";
import {
  makeActiveService,
  makeNumberPriceList,
  makeNumberRange,
  makeTwoTenants,
  uniqueGermanPrefix,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { Prisma } from "@/lib/db/generated/client";
import { claimHeadsSql } from "./allocate";
import { isAlignedBlock } from "./blocks";
import { loadOrderContext, loadOrderPbx, quoteNumbers } from "./context";
import { setDefaultCallerNumber } from "./default-caller";
import { holdBlocks, unsafeSweepExpiredHolds } from "./holds";
import { withIdempotency } from "./idempotency";
import { orderNumbers } from "./order";
import { listNumbers } from "./queries";
import { releaseNumber, unsafeEndQuarantine } from "./release";

const { prisma, url } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
// 20 transactions at once need 20 connections.
let wide: Db;

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const order = (db: Db, actor = a.partnerActor, extra: Partial<Parameters<typeof orderNumbers>[2]> = {}) =>
  orderNumbers(db, actor, {
    pbxId: a.pbx.id,
    countryCode: "DE",
    type: "GEOGRAPHIC",
    blockSize: 10,
    blockCount: 1,
    idempotencyKey: key(),
    ...extra,
  });

async function expectAppError(work: Promise<unknown>, code: AppError["code"]) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected an AppError").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  wide = createPrismaClient(url, 25);
  await makeNumberPriceList(prisma, a.partner.tierId, [
    { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
  ]);
  await makeActiveService(prisma, a.pbx);
  await makeActiveService(prisma, b.pbx);
});
afterAll(async () => wide?.$disconnect());

describe("allocation (R6)", () => {
  it("gives aligned, contiguous blocks around numbers already taken, with charge lines and history", async () => {
    const area = "Aligned";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 300 });
    // One number taken in the first block of 10 and one in the second block of 100.
    const taken = [`+${BigInt(first.slice(1)) + 3n}`, `+${BigInt(first.slice(1)) + 150n}`];
    await prisma.phoneNumber.updateMany({ where: { e164: { in: taken } }, data: { status: "ASSIGNED" } });

    const { result } = await order(prisma, a.partnerActor, { areaName: area, blockSize: 10, blockCount: 3 });
    expect(result.blocks.map((b) => b.firstE164)).toEqual([10n, 20n, 30n].map((d) => `+${BigInt(first.slice(1)) + d}`));
    const numbers = await prisma.phoneNumber.findMany({
      where: { orderBlock: { orderId: result.orderId } },
      select: { e164: true, orderBlockId: true, status: true, pbxId: true },
    });
    expect(numbers).toHaveLength(30);
    expect(numbers.every((n) => n.status === "ASSIGNED" && n.pbxId === a.pbx.id)).toBe(true);
    const byBlock = new Map<string, string[]>();
    for (const n of numbers) byBlock.set(n.orderBlockId!, [...(byBlock.get(n.orderBlockId!) ?? []), n.e164]);
    expect(byBlock.size).toBe(3);
    for (const block of byBlock.values()) expect(isAlignedBlock(block, 10)).toBe(true);

    const hundred = await order(prisma, a.partnerActor, { areaName: area, blockSize: 100, blockCount: 1 });
    expect(hundred.result.blocks[0].firstE164).toBe(`+${BigInt(first.slice(1)) + 200n}`);

    const lines = await prisma.numberOrderLine.findMany({
      where: { orderId: result.orderId },
      orderBy: { sortOrder: "asc" },
    });
    expect(lines.map((l) => l.kind)).toEqual(["NUMBER_SETUP", "NUMBER_MONTHLY"]);
    expect(lines[0].formula).toBe("30 numbers × 5.00 EUR setup = 150.00 EUR");
    expect(lines[1].formula).toMatch(/^30 numbers × 1\.20 EUR × 12 months × \d+\/365 days = \d+\.\d\d EUR$/);
    const events = await prisma.phoneNumberEvent.groupBy({
      by: ["kind"],
      where: { orderId: result.orderId },
      _count: true,
    });
    expect(Object.fromEntries(events.map((e) => [e.kind, e._count]))).toEqual({ ORDERED: 30, ASSIGNED: 30 });
  });

  it("never hands one number to two of 20 concurrent orders", async () => {
    const area = "Contended";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 1000,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => order(wide, a.partnerActor, { areaName: area, blockSize: 10, blockCount: 2 })),
    );
    const firsts = results.flatMap((r) => r.result.blocks.map((b) => b.firstE164));
    expect(new Set(firsts).size).toBe(40);
    const assigned = await prisma.phoneNumber.count({ where: { areaName: area, status: "ASSIGNED" } });
    expect(assigned).toBe(400);
    const perNumber = await prisma.phoneNumberEvent.groupBy({
      by: ["phoneNumberId"],
      where: { kind: "ORDERED", phoneNumber: { areaName: area } },
      _count: true,
    });
    expect(perNumber.every((n) => n._count === 1)).toBe(true);
  });

  it("claims by walking the index of free block heads, not every number taken before", async () => {
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: "Heads",
      first: `${uniqueGermanPrefix()}000`,
      size: 1000,
    });
    const plan = async (blockSize: 10 | 100) => {
      const [, rows] = await prisma.$transaction([
        // Only index paths remain, so the plan shows which index the claim's WHERE can use.
        prisma.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
        prisma.$queryRaw<{ "QUERY PLAN": string }[]>(
          Prisma.sql`EXPLAIN ${claimHeadsSql({ countryCode: "DE", type: "GEOGRAPHIC", blockSize, blockCount: 1 }, Prisma.sql`1`, false)}`,
        ),
      ]);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    };
    expect(await plan(10)).toMatch(/Index Scan using "PhoneNumber_free_head10_idx" on "PhoneNumber" h/);
    expect(await plan(100)).toMatch(/Index Scan using "PhoneNumber_free_head100_idx" on "PhoneNumber" h/);
  });

  it("leaves nothing reserved when the order cannot be filled, and says what is left", async () => {
    const area = "Scarce";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 25 });
    const error = await expectAppError(
      order(prisma, a.partnerActor, { areaName: area, blockSize: 10, blockCount: 3 }),
      "CONFLICT",
    );
    expect(error.message).toMatch(
      /Only 2 blocks of 10 are free in Scarce; you asked for 3\. Free in Scarce: 25 blocks of 1\./,
    );
    expect(await prisma.phoneNumber.count({ where: { areaName: area, status: { not: "AVAILABLE" } } })).toBe(0);
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
  });

  it("needs CLASSOUND active on the PBX", async () => {
    await prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { status: "SUSPENDED" } });
    await expectAppError(
      orderNumbers(prisma, b.partnerActor, {
        pbxId: b.pbx.id,
        countryCode: "DE",
        type: "GEOGRAPHIC",
        blockSize: 1,
        blockCount: 1,
        idempotencyKey: key(),
      }),
      "CONFLICT",
    );
    await prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { status: "ACTIVE" } });
  });
});

describe("idempotent orders", () => {
  it("replays the first answer for the same key and body, refuses another body", async () => {
    const area = "Idempotent";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 100,
    });
    const idempotencyKey = key();
    const first = await order(prisma, a.partnerActor, { areaName: area, idempotencyKey });
    const again = await order(prisma, a.partnerActor, { areaName: area, idempotencyKey });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ replayed: true, result: first.result });
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(1);
    await expectAppError(order(prisma, a.partnerActor, { areaName: area, idempotencyKey, blockCount: 2 }), "INVALID");
  });

  it("lets a key name a new order once its 24 hours are over, even with another body", async () => {
    const area = "Key reused";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 100,
    });
    const idempotencyKey = key();
    const first = await order(prisma, a.partnerActor, { areaName: area, idempotencyKey });
    await prisma.idempotencyRecord.updateMany({
      where: { partnerId: a.partner.id, key: idempotencyKey },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const second = await order(prisma, a.partnerActor, { areaName: area, idempotencyKey, blockCount: 2 });
    expect(second.replayed).toBe(false);
    expect(second.result).not.toEqual(first.result);
    const orders = await prisma.numberOrder.findMany({ where: { areaName: area }, orderBy: { createdAt: "asc" } });
    expect(orders.map((o) => [o.idempotencyKey, o.blockCount])).toEqual([
      [idempotencyKey, 1],
      [idempotencyKey, 2],
    ]);
  });

  it("answers 409 while the first call is still running, and lets a failed call be retried", async () => {
    let finish!: () => void;
    const running = withIdempotency(
      prisma,
      { partnerId: a.partner.id, scope: "test", key: "k1", body: { x: 1 } },
      () => new Promise<{ ok: true }>((resolve) => (finish = () => resolve({ ok: true }))),
    );
    await new Promise((r) => setTimeout(r, 100));
    await expectAppError(
      withIdempotency(prisma, { partnerId: a.partner.id, scope: "test", key: "k1", body: { x: 1 } }, async () => ({
        ok: true,
      })),
      "CONFLICT",
    );
    finish();
    await running;
    expect(
      await withIdempotency(
        prisma,
        { partnerId: a.partner.id, scope: "test", key: "k1", body: { x: 1 } },
        async () => ({ ok: false }),
      ),
    ).toEqual({ replayed: true, result: { ok: true } });

    await expect(
      withIdempotency(prisma, { partnerId: a.partner.id, scope: "test", key: "k2", body: {} }, async () => {
        throw new AppError("CONFLICT", "no");
      }),
    ).rejects.toThrow("no");
    expect(
      await withIdempotency(prisma, { partnerId: a.partner.id, scope: "test", key: "k2", body: {} }, async () => ({
        done: 1,
      })),
    ).toEqual({ replayed: false, result: { done: 1 } });
  });
});

describe("the one-statement order (placeOrder)", () => {
  const rowsOf = async (orderId: string) => ({
    orders: await prisma.numberOrder.findMany({ where: { id: orderId } }),
    blocks: await prisma.numberOrderBlock.findMany({ where: { orderId }, orderBy: { firstE164: "asc" } }),
    lines: await prisma.numberOrderLine.findMany({ where: { orderId }, orderBy: { sortOrder: "asc" } }),
    numbers: await prisma.phoneNumber.findMany({ where: { orderBlock: { orderId } } }),
    events: await prisma.phoneNumberEvent.findMany({ where: { orderId } }),
    audit: await prisma.auditLog.findMany({ where: { entityType: "NumberOrder", entityId: orderId } }),
  });

  it("writes the order, its blocks, lines, assignment, two events per number, one audit row and the stored answer", async () => {
    const area = "One statement";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 50 });
    const idempotencyKey = key();
    const { replayed, result } = await order(prisma, a.partnerActor, { areaName: area, blockCount: 2, idempotencyKey });
    expect(replayed).toBe(false);
    const at = (d: bigint) => `+${BigInt(first.slice(1)) + d}`;
    expect(result).toEqual({
      orderId: expect.any(String),
      blocks: [
        { firstE164: at(0n), lastE164: at(9n), size: 10 },
        { firstE164: at(10n), lastE164: at(19n), size: 10 },
      ],
      chargeTotal: expect.stringMatching(/^\d+\.\d\d$/),
      currency: "EUR",
    });

    const rows = await rowsOf(result.orderId);
    expect(rows.orders).toHaveLength(1);
    const [o] = rows.orders;
    expect(o).toMatchObject({
      partnerId: a.partner.id,
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      blockSize: 10,
      blockCount: 2,
      status: "COMPLETED",
      currency: "EUR",
      idempotencyKey,
      createdById: a.partnerActor.userId,
    });
    expect(rows.lines.map((l) => [l.sortOrder, l.kind, l.quantity])).toEqual([
      [0, "NUMBER_SETUP", 20],
      [1, "NUMBER_MONTHLY", 20],
    ]);
    expect(rows.lines[0]).toMatchObject({
      description: "Setup, DE geographic DID",
      formula: "20 numbers × 5.00 EUR setup = 100.00 EUR",
    });
    expect(o.setupTotal.toFixed(2)).toBe("100.00");
    expect(o.monthlyTotal.toFixed(2)).toBe(rows.lines[1].amount.toFixed(2));
    expect(o.chargeTotal.toFixed(2)).toBe(result.chargeTotal);
    expect(rows.blocks.map((b) => [b.firstE164, b.lastE164, b.size])).toEqual([
      [at(0n), at(9n), 10],
      [at(10n), at(19n), 10],
    ]);
    expect(rows.numbers).toHaveLength(20);
    for (const n of rows.numbers) {
      expect(n).toMatchObject({ status: "ASSIGNED", partnerId: a.partner.id, pbxId: a.pbx.id, holdId: null });
      const block = rows.blocks.find((b) => b.id === n.orderBlockId)!;
      expect(n.e164 >= block.firstE164 && n.e164 <= block.lastE164).toBe(true);
    }
    expect(rows.events).toHaveLength(40);
    for (const n of rows.numbers)
      expect(
        rows.events
          .filter((e) => e.phoneNumberId === n.id)
          .map((e) => e.kind)
          .sort(),
      ).toEqual(["ASSIGNED", "ORDERED"]);
    expect(
      rows.events.every(
        (e) => e.actorId === a.partnerActor.userId && e.partnerId === a.partner.id && e.pbxId === a.pbx.id,
      ),
    ).toBe(true);
    expect(rows.audit).toHaveLength(1);
    expect(rows.audit[0]).toMatchObject({
      actorId: a.partnerActor.userId,
      action: "numbers.ordered",
      detail: { pbxId: a.pbx.id, countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 2 },
    });
    const record = await prisma.idempotencyRecord.findUniqueOrThrow({
      where: { partnerId_scope_key: { partnerId: a.partner.id, scope: "numbers.order", key: idempotencyKey } },
    });
    expect(record).toMatchObject({
      state: "DONE",
      responseStatus: 200,
      requestHash: o.requestHash,
      responseBody: result,
    });

    // The replay answers from the record and writes nothing more.
    expect(await order(prisma, a.partnerActor, { areaName: area, blockCount: 2, idempotencyKey })).toEqual({
      replayed: true,
      result,
    });
    expect(await rowsOf(result.orderId)).toEqual(rows);
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(1);
  });

  it("keeps blocks whole when single numbers and blocks are ordered at once from one range", async () => {
    const area = "One statement, mixed";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 200,
    });
    const orders = [
      ...Array.from({ length: 8 }, () => order(wide, a.partnerActor, { areaName: area, blockSize: 10, blockCount: 1 })),
      ...Array.from({ length: 16 }, () => order(wide, a.partnerActor, { areaName: area, blockSize: 1, blockCount: 2 })),
    ];
    const results = await Promise.all(orders);
    const numbers = await prisma.phoneNumber.findMany({
      where: { areaName: area, status: "ASSIGNED" },
      select: { e164: true, orderBlock: { select: { orderId: true, size: true } } },
    });
    expect(numbers).toHaveLength(8 * 10 + 16 * 2);
    for (const r of results.slice(0, 8))
      expect(
        isAlignedBlock(
          numbers.filter((n) => n.orderBlock?.orderId === r.result.orderId).map((n) => n.e164),
          10,
        ),
      ).toBe(true);
    const perNumber = await prisma.phoneNumberEvent.groupBy({
      by: ["phoneNumberId"],
      where: { kind: "ORDERED", phoneNumber: { areaName: area } },
      _count: true,
    });
    expect(perNumber).toHaveLength(numbers.length);
    expect(perNumber.every((n) => n._count === 1)).toBe(true);
  });

  it("reads its context in one statement that quotes and scopes exactly like loadOrderPbx + quoteNumbers", async () => {
    const now = new Date();
    const item = { countryCode: "DE", type: "GEOGRAPHIC" as const };
    const context = await loadOrderContext(prisma, a.partnerActor, a.pbx.id, item, now);
    expect(context).toMatchObject({ pbxId: a.pbx.id, partnerId: a.partner.id });
    expect(context.quote(30)).toEqual(
      await quoteNumbers(prisma, await loadOrderPbx(prisma, a.partnerActor, a.pbx.id), { ...item, quantity: 30 }, now),
    );
    // The policy's tenant rule: another partner's PBX does not exist; an end user sees its own customer's; an admin any.
    await expectAppError(loadOrderContext(prisma, b.partnerActor, a.pbx.id, item, now), "NOT_FOUND");
    await expectAppError(loadOrderContext(prisma, b.endUserActor, a.pbx.id, item, now), "NOT_FOUND");
    expect((await loadOrderContext(prisma, a.endUserActor, a.pbx.id, item, now)).pbxId).toBe(a.pbx.id);
    expect((await loadOrderContext(prisma, admin, a.pbx.id, item, now)).pbxId).toBe(a.pbx.id);
    // Nothing priced for this type: the same refusal as quoteNumbers.
    const unpriced = { countryCode: "DE", type: "MOBILE" as const };
    const expected = await expectAppError(
      Promise.resolve().then(async () =>
        quoteNumbers(prisma, await loadOrderPbx(prisma, a.partnerActor, a.pbx.id), { ...unpriced, quantity: 1 }, now),
      ),
      "CONFLICT",
    );
    const refused = await expectAppError(
      Promise.resolve().then(async () =>
        (await loadOrderContext(prisma, a.partnerActor, a.pbx.id, unpriced, now)).quote(1),
      ),
      "CONFLICT",
    );
    expect(refused.message).toBe(expected.message);
  });

  it("takes only blocks that contain the number pattern asked for", async () => {
    const area = "One statement, pattern";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 100 });
    // "…047" lies in the fifth block of 10: the first four do not match.
    const digits = `${BigInt(first.slice(1)) + 47n}`.slice(-6);
    const { result } = await order(prisma, a.partnerActor, { areaName: area, pattern: digits });
    expect(result.blocks.map((b) => b.firstE164)).toEqual([`+${BigInt(first.slice(1)) + 40n}`]);
  });

  it("leaves nothing behind when it cannot be filled, so the same key works once numbers are back", async () => {
    const area = "One statement, scarce";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 20 });
    const idempotencyKey = key();
    const events = await prisma.phoneNumberEvent.count();
    const audits = await prisma.auditLog.count({ where: { action: "numbers.ordered" } });
    await expectAppError(order(prisma, a.partnerActor, { areaName: area, blockCount: 3, idempotencyKey }), "CONFLICT");
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
    expect(
      await prisma.phoneNumber.count({
        where: { areaName: area, OR: [{ status: { not: "AVAILABLE" } }, { orderBlockId: { not: null } }] },
      }),
    ).toBe(0);
    expect(await prisma.phoneNumberEvent.count()).toBe(events);
    expect(await prisma.auditLog.count({ where: { action: "numbers.ordered" } })).toBe(audits);
    expect(await prisma.idempotencyRecord.count({ where: { partnerId: a.partner.id, key: idempotencyKey } })).toBe(0);

    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `+${BigInt(first.slice(1)) + 20n}`,
      size: 10,
    });
    const { replayed, result } = await order(prisma, a.partnerActor, { areaName: area, blockCount: 3, idempotencyKey });
    expect(replayed).toBe(false);
    expect(result.blocks).toHaveLength(3);
  });

  it("answers 409 to an order whose key is still in flight, and takes over an expired key", async () => {
    const area = "One statement, keys";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 20,
    });
    const idempotencyKey = key();
    const body = {
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      blockSize: 10,
      blockCount: 1,
    };
    const { requestHash } = await import("./idempotency");
    await prisma.idempotencyRecord.create({
      data: {
        partnerId: a.partner.id,
        scope: "numbers.order",
        key: idempotencyKey,
        requestHash: requestHash(body),
        state: "IN_PROGRESS",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await expectAppError(order(prisma, a.partnerActor, { areaName: area, idempotencyKey }), "CONFLICT");
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
    // An expired key is forgotten: the call runs again and stores its own answer.
    await prisma.idempotencyRecord.update({
      where: { partnerId_scope_key: { partnerId: a.partner.id, scope: "numbers.order", key: idempotencyKey } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { replayed, result } = await order(prisma, a.partnerActor, { areaName: area, idempotencyKey });
    expect(replayed).toBe(false);
    const record = await prisma.idempotencyRecord.findUniqueOrThrow({
      where: { partnerId_scope_key: { partnerId: a.partner.id, scope: "numbers.order", key: idempotencyKey } },
    });
    expect(record.state).toBe("DONE");
    expect(record.responseBody).toEqual(result);
    expect(record.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it("takes the partner's held blocks first, then free ones, and refuses an expired hold without writing", async () => {
    const area = "One statement, held";
    const first = `${uniqueGermanPrefix()}000`;
    await makeNumberRange(prisma, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first, size: 30 });
    const at = (d: bigint) => `+${BigInt(first.slice(1)) + d}`;
    // Hold the second block (the first is briefly taken), so held-first and e164 order differ.
    await prisma.phoneNumber.update({ where: { e164: at(5n) }, data: { status: "ASSIGNED" } });
    const hold = await holdBlocks(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      blockSize: 10,
      blockCount: 1,
    });
    expect(hold.blocks[0].firstE164).toBe(at(10n));
    await prisma.phoneNumber.update({ where: { e164: at(5n) }, data: { status: "AVAILABLE" } });

    await prisma.numberHold.update({ where: { id: hold.holdId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(
      order(prisma, a.partnerActor, { areaName: area, holdId: hold.holdId, blockCount: 2 }),
      "CONFLICT",
    );
    expect(await prisma.numberOrder.count({ where: { areaName: area } })).toBe(0);
    expect(await prisma.phoneNumber.count({ where: { areaName: area, holdId: hold.holdId } })).toBe(10);

    await prisma.numberHold.update({ where: { id: hold.holdId }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    const { result } = await order(prisma, a.partnerActor, { areaName: area, holdId: hold.holdId, blockCount: 2 });
    expect(result.blocks.map((b) => b.firstE164)).toEqual([at(10n), at(0n)]);
    expect(await prisma.numberHold.count({ where: { id: hold.holdId } })).toBe(0);
    expect(await prisma.phoneNumber.count({ where: { areaName: area, status: "ASSIGNED" } })).toBe(20);
  });
});

describe("holds", () => {
  it("keeps a held block from other partners until the hold expires and is swept", async () => {
    const area = "Held";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 10,
    });
    const hold = await holdBlocks(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      blockSize: 10,
      blockCount: 1,
    });
    expect(hold.quote.lines).toHaveLength(2);
    const other = {
      pbxId: b.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC" as const,
      areaName: area,
      blockSize: 10 as const,
      blockCount: 1,
    };
    await expectAppError(orderNumbers(prisma, b.partnerActor, { ...other, idempotencyKey: key() }), "CONFLICT");

    expect(await unsafeSweepExpiredHolds(prisma, new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await unsafeSweepExpiredHolds(prisma, new Date(Date.now() + 31 * 60_000))).toBe(0);
    expect(await prisma.phoneNumber.count({ where: { areaName: area, holdId: { not: null } } })).toBe(0);
    const { result } = await orderNumbers(prisma, b.partnerActor, { ...other, idempotencyKey: key() });
    expect(result.blocks).toHaveLength(1);
  });

  it("lets the holder order its held block", async () => {
    const area = "Held by me";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 20,
    });
    const hold = await holdBlocks(prisma, a.partnerActor, {
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      blockSize: 10,
      blockCount: 1,
    });
    const { result } = await order(prisma, a.partnerActor, { areaName: area, holdId: hold.holdId });
    expect(result.blocks[0].firstE164).toBe(hold.blocks[0].firstE164);
    expect(await prisma.numberHold.count({ where: { id: hold.holdId } })).toBe(0);
  });
});

describe("release, quarantine and the default caller number (R11)", () => {
  it("rests a released number in quarantine, then offers it again", async () => {
    const area = "Quarantine";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 10,
    });
    await order(prisma, a.partnerActor, { areaName: area, blockSize: 1 });
    const number = await prisma.phoneNumber.findFirstOrThrow({ where: { areaName: area, status: "ASSIGNED" } });
    // R11 + R13: a German number is a caller ID only once its emergency location is entered.
    await expectAppError(
      setDefaultCallerNumber(prisma, a.partnerActor, { pbxId: a.pbx.id, numberId: number.id }),
      "CONFLICT",
    );
    const site = await createSite(prisma, a.partnerActor, {
      customerId: a.customer.id,
      site: {
        name: `Berlin ${number.e164}`,
        street: "Invalidenstraße",
        houseNumber: "1",
        postcode: "10115",
        city: "Berlin",
        countryCode: "DE",
      },
    });
    await assignSite(prisma, a.partnerActor, { siteId: site.id, numberIds: [number.id] });
    await setDefaultCallerNumber(prisma, a.partnerActor, { pbxId: a.pbx.id, numberId: number.id });

    const now = new Date();
    const released = await releaseNumber(prisma, a.partnerActor, { numberId: number.id }, now, 30);
    expect(released.quarantineUntil).toBe(new Date(now.getTime() + 30 * 86_400_000).toISOString());
    const after = await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    expect(after).toMatchObject({
      status: "QUARANTINE",
      pbxId: null,
      partnerId: null,
      emergencyLocationId: null,
      emergencyStatus: "NO_LOCATION",
    });
    expect(
      (await prisma.classoundService.findUniqueOrThrow({ where: { pbxId: a.pbx.id } })).defaultCallerNumberId,
    ).toBeNull();

    expect(await unsafeEndQuarantine(prisma, new Date(now.getTime() + 29 * 86_400_000))).toBe(0);
    expect(await unsafeEndQuarantine(prisma, new Date(now.getTime() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    // Run twice (a job may be delivered twice): nothing more happens.
    expect(await unsafeEndQuarantine(prisma, new Date(now.getTime() + 31 * 86_400_000))).toBe(0);
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } })).status).toBe("AVAILABLE");
    const history = await prisma.phoneNumberEvent.findMany({
      where: { phoneNumberId: number.id },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(history.map((h) => h.kind)).toEqual(
      expect.arrayContaining([
        "ORDERED",
        "ASSIGNED",
        "DEFAULT_CALLER_SET",
        "RELEASED",
        "QUARANTINED",
        "AVAILABLE_AGAIN",
      ]),
    );
  });

  it("refuses, in the database too, a default caller number the PBX does not own", async () => {
    const area = "Foreign caller";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 10,
    });
    await order(prisma, a.partnerActor, { areaName: area, blockSize: 1 });
    const aNumber = await prisma.phoneNumber.findFirstOrThrow({ where: { areaName: area, pbxId: a.pbx.id } });
    await expectAppError(
      setDefaultCallerNumber(prisma, b.partnerActor, { pbxId: b.pbx.id, numberId: aNumber.id }),
      "INVALID",
    );
    await expect(
      prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { defaultCallerNumberId: aNumber.id } }),
    ).rejects.toThrow();
  });
});

describe("authorization", () => {
  it("keeps every action on a foreign PBX or number a 404, and end users read-only on their own PBX", async () => {
    const area = "Authz";
    await makeNumberRange(prisma, {
      countryCode: "DE",
      type: "GEOGRAPHIC",
      areaName: area,
      first: `${uniqueGermanPrefix()}000`,
      size: 10,
    });
    await order(prisma, a.partnerActor, { areaName: area, blockSize: 1 });
    const aNumber = await prisma.phoneNumber.findFirstOrThrow({ where: { areaName: area, pbxId: a.pbx.id } });

    await expectAppError(
      orderNumbers(prisma, b.partnerActor, {
        pbxId: a.pbx.id,
        countryCode: "DE",
        type: "GEOGRAPHIC",
        blockSize: 1,
        blockCount: 1,
        idempotencyKey: key(),
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      holdBlocks(prisma, b.partnerActor, {
        pbxId: a.pbx.id,
        countryCode: "DE",
        type: "GEOGRAPHIC",
        blockSize: 1,
        blockCount: 1,
      }),
      "NOT_FOUND",
    );
    await expectAppError(releaseNumber(prisma, b.partnerActor, { numberId: aNumber.id }), "NOT_FOUND");
    await expectAppError(
      setDefaultCallerNumber(prisma, b.partnerActor, { pbxId: a.pbx.id, numberId: aNumber.id }),
      "NOT_FOUND",
    );
    expect((await listNumbers(prisma, b.partnerActor, { pbx: a.pbx.id })).total).toBe(0);
    expect((await listNumbers(prisma, b.partnerActor, { q: aNumber.e164 })).total).toBe(0);

    await expectAppError(order(prisma, a.endUserActor), "FORBIDDEN");
    await expectAppError(releaseNumber(prisma, a.endUserActor, { numberId: aNumber.id }), "FORBIDDEN");
    expect((await listNumbers(prisma, a.endUserActor, { q: aNumber.e164 })).rows.map((r) => r.e164)).toEqual([
      aNumber.e164,
    ]);
    expect((await listNumbers(prisma, b.endUserActor, { q: aNumber.e164 })).total).toBe(0);
    await expectAppError(order(prisma, admin), "FORBIDDEN");
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: aNumber.id } })).status).toBe("ASSIGNED");
  });
});
