import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { loadNumberOrder } from "@/lib/numbers/queries";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { callsCsv, listCalls } from "./call-list";
import { statisticsFigure, type TStatisticsSource } from "./figures";
import { parseStatisticsFilters } from "./filters";
import { usageSummary } from "./usage-summary";

// Issue 29 item 8: prices by who is looking. Partner A buys at Gold, so each call's purchase price
// (`cost`) differs from its End User list price (`endUserCost`); rating computes both
// (lib/cdr/rating/rate-month.test.ts), the calls here are stored as rated.
const { prisma } = await createTestDatabase();
const { a, admin } = await makeTwoTenants(prisma);
const now = new Date("2026-11-20T12:00:00Z");
const RATED = [
  // [purchase (Gold), End User list]: Gold 0.133/min where the End User list says 0.19.
  ["0.13300", "0.19000"],
  ["0.26600", "0.38000"],
  ["0.39900", "0.57000"],
  // An End User promotion below the purchase price: sorting by either price gives a different order.
  ["0.50000", "0.05000"],
] as const;
await prisma.callRecord.createMany({
  data: RATED.map(([cost, endUserCost], i) => ({
    partnerId: a.partner.id,
    customerId: a.customer.id,
    pbxId: a.pbx.id,
    externalId: `priced-${i}`,
    direction: "OUTBOUND" as const,
    fromE164: "+4930901820",
    toE164: "+4989123456",
    extension: "100",
    countryCode: "DE",
    area: 1,
    startedAt: new Date(Date.UTC(2026, 10, 10 + i, 9)),
    durationSeconds: 60 * (i + 1),
    billedSeconds: 60 * (i + 1),
    cost,
    endUserCost,
    currency: "EUR",
    ratedAt: now,
  })),
});
await refreshCallRollups(prisma, { from: new Date("2026-11-01T00:00:00Z"), to: now }, now);

const PURCHASE_TOTAL = "1.30"; // 1.298
const END_USER_TOTAL = "1.19";
const context = (actor: Actor, query: Record<string, string> = { preset: "this_month" }) => ({
  actor,
  filters: parseStatisticsFilters(query),
  now,
});
const csvOf = async (actor: Actor) => {
  let text = "";
  for await (const chunk of callsCsv(prisma, context(actor))) text += chunk;
  return text.trim().split("\r\n");
};

const BOTH = [
  ["partner", a.partnerActor],
  ["admin", admin],
] as const;

describe("prices by who is looking: an end user sees End User list prices only", () => {
  const actor = a.endUserActor;

  it.each<[string, TStatisticsSource]>([
    ["cost", "rollup"],
    ["cost", "raw"],
  ])("the %s figure (%s) carries the End User price", async (name, source) => {
    const figure = await statisticsFigure(prisma, context(actor), name as "cost", source);
    expect(figure).toStrictEqual([{ currency: "EUR", endUser: END_USER_TOTAL }]);
  });

  it("the call charges card of the home page carries the End User price", async () => {
    expect((await usageSummary(prisma, actor, 30, now)).costs).toStrictEqual([
      { currency: "EUR", endUser: END_USER_TOTAL },
    ]);
  });

  it("the call list carries the End User price of each call, never the purchase price, and sorts by it", async () => {
    const list = await listCalls(prisma, context(actor, { preset: "this_month", sort: "cost.desc" }));
    expect(list.prices).toEqual(["endUser"]);
    expect(list.calls.map((c) => c.prices)).toStrictEqual(
      ["0.57000", "0.38000", "0.19000", "0.05000"].map((endUser) => ({ endUser })),
    );
    for (const [purchase] of RATED) expect(JSON.stringify(list)).not.toContain(purchase);
  });

  it("the CSV export carries the End User price column only", async () => {
    const [header, ...rows] = await csvOf(actor);
    expect(header).toContain('"End User price"');
    expect(header).not.toMatch(/Purchase|"Cost"/);
    expect(rows.map((r) => r.split(",").at(-2))).toEqual(RATED.map(([, endUser]) => `"${endUser}"`));
    for (const [purchase] of RATED) expect(rows.join()).not.toContain(purchase);
  });
});

describe.each(BOTH)("prices by who is looking: a %s sees the purchase price and the End User price", (_, actor) => {
  it.each<[string, TStatisticsSource]>([
    ["cost", "rollup"],
    ["cost", "raw"],
  ])("the %s figure (%s) carries both", async (name, source) => {
    const figure = await statisticsFigure(prisma, context(actor), name as "cost", source);
    expect(figure).toStrictEqual([{ currency: "EUR", purchase: PURCHASE_TOTAL, endUser: END_USER_TOTAL }]);
  });

  it("the call charges card of the home page carries both", async () => {
    expect((await usageSummary(prisma, actor, 30, now)).costs).toStrictEqual([
      { currency: "EUR", purchase: PURCHASE_TOTAL, endUser: END_USER_TOTAL },
    ]);
  });

  it("the call list carries both prices of each call, sorted by the purchase price", async () => {
    const list = await listCalls(prisma, context(actor, { preset: "this_month", sort: "cost.desc" }));
    expect(list.prices).toEqual(["purchase", "endUser"]);
    expect(list.calls.map((c) => c.prices)).toStrictEqual(
      [...RATED].reverse().map(([purchase, endUser]) => ({ purchase, endUser })),
    );
  });

  it("the CSV export carries both price columns", async () => {
    const [header, ...rows] = await csvOf(actor);
    expect(header.split(",").slice(-3)).toEqual(['"Purchase cost"', '"End User price"', '"Currency"']);
    expect(rows.map((r) => r.split(",").slice(-3, -1))).toEqual(RATED.map((p) => p.map((v) => `"${v}"`)));
  });
});

describe("prices by who is looking: a number order", async () => {
  const order = await prisma.numberOrder.create({
    data: {
      partnerId: a.partner.id,
      pbxId: a.pbx.id,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      blockSize: 10,
      blockCount: 1,
      currency: "EUR",
      setupTotal: "10.00",
      monthlyTotal: "8.00",
      chargeTotal: "14.67",
      idempotencyKey: "prices-by-role",
      requestHash: "x",
      createdById: a.partnerActor.userId,
      lines: {
        create: [
          {
            sortOrder: 0,
            kind: "SETUP",
            description: "Setup",
            quantity: 10,
            unitPrice: "1",
            amount: "10.00",
            formula: "",
          },
          {
            sortOrder: 1,
            kind: "MONTHLY",
            description: "Monthly",
            quantity: 10,
            unitPrice: "0.8",
            amount: "4.67",
            formula: "",
          },
        ],
      },
    },
  });

  it("shows an end user no charges: the partner's purchase price is not the reseller's customer's to see", async () => {
    const seen = await loadNumberOrder(prisma, a.endUserActor, order.id);
    expect(seen?.id).toBe(order.id);
    expect(seen?.charges).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/14\.67|4\.67|"10(\.00)?"/);
  });

  it.each(BOTH)("shows a %s what the order was charged", async (_, actor) => {
    const seen = await loadNumberOrder(prisma, actor, order.id);
    expect(seen?.charges?.total.toFixed(2)).toBe("14.67");
    expect(seen?.charges?.lines.map((l) => l.amount.toFixed(2))).toEqual(["10.00", "4.67"]);
  });
});
