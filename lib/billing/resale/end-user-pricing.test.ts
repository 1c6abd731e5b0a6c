import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { callsCsv, listCalls } from "@/lib/cdr/statistics/call-list";
import { statisticsFigure, type TStatisticsSource } from "@/lib/cdr/statistics/figures";
import { parseStatisticsFilters } from "@/lib/cdr/statistics/filters";
import { usageSummary } from "@/lib/cdr/statistics/usage-summary";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { Prisma } from "@/lib/db/generated/client";
import { pbxDetail } from "@/lib/pbx/pbx-detail";
import { pbxOverviewSummary } from "@/lib/pbx/overview-summary";
import { smsPerUser } from "@/lib/sms/statistics/sms-per-user";
import { storedCall } from "@/lib/testing/calls";
import { actorOf, makeCustomer, makePbx, makeTenant, makeUser, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { pricingOf } from "./end-user-pricing";
import { resalePrice, type ResaleRule } from "./rule";

// Issue 33: an end user sees its customer's resale price wherever it saw the End User list before.
// Partner A marks up its purchase price by 25 % for customer `purchase25` and the End User list by
// 10 % for all its other customers (`list10`); partner B sets nothing (`plain`: the End User list).
const { prisma } = await createTestDatabase();
const now = new Date("2026-11-20T12:00:00Z");
const purchase25 = await makeTenant(prisma);
const list10 = { partner: purchase25.partner, customer: await makeCustomer(prisma, purchase25.partner.id) };
const list10Tenant: Tenant = { ...list10, pbx: await makePbx(prisma, list10.customer.id) };
const plain = await makeTenant(prisma);
await prisma.resalePricing.createMany({
  data: [
    {
      partnerId: purchase25.partner.id,
      customerId: purchase25.customer.id,
      basis: "PURCHASE_MARKUP",
      markupPercent: 25,
    },
    { partnerId: purchase25.partner.id, customerId: null, basis: "END_USER_MARKUP", markupPercent: 10 },
  ],
});
const endUser = async (t: Tenant) => actorOf(await makeUser(prisma, "END_USER", { customerId: t.customer.id }));
const partnerA = actorOf(await makeUser(prisma, "PARTNER", { partnerId: purchase25.partner.id }));
const admin = actorOf(await makeUser(prisma, "ADMIN"));

// [purchase, End User list] per call, the same calls for each customer. The fourth is an End User
// promotion below purchase (the two orders differ); the fifth has no End User list price.
const RATED = [
  ["0.13300", "0.19000"],
  ["0.26600", "0.38000"],
  ["0.39900", "0.57000"],
  ["0.50000", "0.05000"],
  ["0.12346", null],
] as const;
const PURCHASES = RATED.map(([cost]) => cost);
for (const t of [purchase25, list10Tenant, plain]) {
  await prisma.callRecord.createMany({
    data: RATED.map(([cost, endUserCost], i) =>
      storedCall(t, {
        startedAt: new Date(Date.UTC(2026, 10, 10 + i, 9)),
        durationSeconds: 60 * (i + 1),
        billedSeconds: 60 * (i + 1),
        countryCode: "DE",
        area: 1,
        cost,
        endUserCost,
        ratedAt: now,
      }),
    ),
  });
  // 205 sent by extension 100: the 5 past R15's 200 are charged.
  await prisma.smsRecord.createMany({
    data: Array.from({ length: 205 }, (_, i) => ({
      partnerId: t.partner.id,
      customerId: t.customer.id,
      pbxId: t.pbx.id,
      externalId: `sms-${t.customer.id}-${i}`,
      direction: "OUTBOUND" as const,
      fromE164: "+4930901820",
      toE164: "+4915112345678",
      extension: "100",
      sentAt: new Date(Date.UTC(2026, 10, 2) + i * 60_000),
      currency: "EUR",
      ratedAt: now,
      cost: i < 200 ? "0" : "0.01234",
      endUserCost: i < 200 ? "0" : "0.02345",
    })),
  });
}
await refreshCallRollups(prisma, { from: new Date("2026-11-01T00:00:00Z"), to: now }, now);

// By hand. Calls: purchase sum 1.42146, End User list sum 1.19 (the fifth call has none).
// 25 % over purchase: 1.42146 × 1.25 = 1.776825 → 1.78; per call 0.16625, 0.33250, 0.49875, 0.62500,
// 0.154325 → 0.15433 (half up). 10 % over the list: 1.19 × 1.1 = 1.309 → 1.31; per call 0.20900,
// 0.41800, 0.62700, 0.05500 and none. SMS: purchase 5 × 0.01234 = 0.06170, list 5 × 0.02345 = 0.11725;
// × 1.25 = 0.077125 → 0.07713, × 1.1 = 0.128975 → 0.12898.
const CASES = [
  {
    name: "25 % over its partner's purchase price",
    tenant: purchase25,
    total: "1.78",
    perCall: ["0.16625", "0.33250", "0.49875", "0.62500", "0.15433"],
    byPriceDesc: ["0.62500", "0.49875", "0.33250", "0.16625", "0.15433"],
    sms: "0.07713",
  },
  {
    name: "10 % over the End User list",
    tenant: list10Tenant,
    total: "1.31",
    perCall: ["0.20900", "0.41800", "0.62700", "0.05500", null],
    byPriceDesc: ["0.62700", "0.41800", "0.20900", "0.05500", null],
    sms: "0.12898",
  },
  {
    name: "the End User list (no rule)",
    tenant: plain,
    total: "1.19",
    perCall: ["0.19000", "0.38000", "0.57000", "0.05000", null],
    byPriceDesc: ["0.57000", "0.38000", "0.19000", "0.05000", null],
    sms: "0.11725",
  },
];

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

describe.each(CASES)("an end user whose customer buys at $name", ({ tenant, total, perCall, byPriceDesc, sms }) => {
  let actor: Actor;
  const seen: unknown[] = [];
  const see = <T>(value: T) => (seen.push(value), value);

  it.each<TStatisticsSource>(["rollup", "raw"])("sees the month's calls at that price (%s)", async (source) => {
    actor ??= await endUser(tenant);
    expect(see(await statisticsFigure(prisma, context(actor), "cost", source))).toStrictEqual([
      { currency: "EUR", endUser: total },
    ]);
  });

  it("sees that total on its home page and its PBX's overview", async () => {
    actor ??= await endUser(tenant);
    expect(see(await usageSummary(prisma, actor, 30, now)).costs).toStrictEqual([{ currency: "EUR", endUser: total }]);
    const summary = see(await pbxOverviewSummary(prisma, actor, { pbxId: tenant.pbx.id, now }));
    expect(summary.calls?.cost).toStrictEqual([{ currency: "EUR", endUser: total }]);
    // The PBX page itself shows an end user no money (no quote, no charges), only which prices apply.
    const pbx = see(await pbxDetail(prisma, actor, { pbxId: tenant.pbx.id, now }));
    expect(pbx.prices).toEqual(["endUser"]);
    expect(pbx.quote).toBeNull();
  });

  it("sees each call at that price, sorted by it", async () => {
    actor ??= await endUser(tenant);
    const list = see(await listCalls(prisma, context(actor, { preset: "this_month", sort: "startedAt.asc" })));
    expect(list.prices).toEqual(["endUser"]);
    expect(list.calls.map((c) => c.prices)).toStrictEqual(perCall.map((endUser) => ({ endUser })));
    const sorted = see(await listCalls(prisma, context(actor, { preset: "this_month", sort: "cost.desc" })));
    expect(sorted.calls.map((c) => c.prices.endUser)).toStrictEqual(byPriceDesc);
  });

  it("exports each call at that price, under the one price column it sees", async () => {
    actor ??= await endUser(tenant);
    const [header, ...rows] = see(await csvOf(actor));
    expect(header.split(",").slice(-2)).toEqual(['"End User price"', '"Currency"']);
    expect(header).not.toMatch(/Purchase/);
    expect(rows.map((r) => r.split(",").at(-2))).toEqual(perCall.map((p) => (p === null ? '""' : `"${p}"`)));
  });

  it("sees its users' charged SMS at that price", async () => {
    actor ??= await endUser(tenant);
    const view = see(await smsPerUser(prisma, context(actor), 1));
    expect(view.prices).toEqual(["endUser"]);
    expect(view.rows.map((r) => [r.extension, r.charged, r.prices])).toStrictEqual([["100", 5, { endUser: sms }]]);
  });

  it("never receives its partner's purchase prices", () => {
    const text = JSON.stringify(seen);
    expect(seen.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/"purchase"|Purchase/);
    for (const cost of [...PURCHASES, "1.42", "0.06170", "0.0617"]) expect(text).not.toContain(cost);
  });
});

describe("partners and the operator keep the End User list beside the purchase price", () => {
  it.each([
    ["partner", partnerA],
    ["admin", admin],
  ] as const)("a %s sees the stored prices of an end user's marked-up customer", async (_, actor) => {
    const filtered = { preset: "this_month", customer: purchase25.customer.id };
    expect(await statisticsFigure(prisma, context(actor, filtered), "cost")).toStrictEqual([
      { currency: "EUR", purchase: "1.42", endUser: "1.19" },
    ]);
    const list = await listCalls(prisma, context(actor, { ...filtered, sort: "startedAt.asc" }));
    expect(list.calls.map((c) => c.prices)).toStrictEqual(RATED.map(([purchase, endUser]) => ({ purchase, endUser })));
  });

  it("the partner's SMS per user shows its purchase price and the End User list", async () => {
    const view = await smsPerUser(
      prisma,
      context(partnerA, { preset: "this_month", customer: purchase25.customer.id }),
      1,
    );
    expect(view.rows.map((r) => r.prices)).toStrictEqual([{ purchase: "0.06170", endUser: "0.11725" }]);
  });
});

describe("pricingOf", () => {
  it.each<ResaleRule["basis"]>(["END_USER_LIST", "END_USER_MARKUP", "PURCHASE_MARKUP"])(
    "gives the same price as resalePrice (%s)",
    (basis) => {
      const rule: ResaleRule = { basis, markupPercent: new Prisma.Decimal("12.5"), source: "customer" };
      const stored = { cost: new Prisma.Decimal("0.40000"), endUserCost: new Prisma.Decimal("0.57000") };
      const pricing = pricingOf(rule);
      expect(stored[pricing.column].mul(pricing.factor).toFixed(5)).toBe(
        resalePrice(rule, { purchase: stored.cost, endUser: stored.endUserCost }).toFixed(5),
      );
    },
  );
});
