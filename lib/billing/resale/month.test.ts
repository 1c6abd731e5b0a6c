import { beforeAll, describe, expect, it } from "vitest";
import { runInvoiceMonth } from "@/lib/billing/run-invoice-month";
import { callOf, makeCharge, makeNumberOrder, makeService, sms } from "@/lib/billing/testing";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { actorOf, makeCountry, makeCustomer, makePbx, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rebillingCsv } from "./csv";
import { customerMonth, rebillingMonth, type RebillingMonth } from "./month";
import { clearResalePricing, setResalePricing } from "./settings";

// Issue 33, re-billing (docs/decisions/0063): the month per customer at the partner's resale
// prices, every figure computed by hand below.
const { prisma } = await createTestDatabase();
const AREA_4 = { countryCode: "AG", area: 4, toE164: "+12684601234" } as const;
const OCT = (day: number) => new Date(Date.UTC(2026, 9, day, 9));
const NOW = new Date("2026-11-02T08:00:00Z");

let t: Awaited<ReturnType<typeof makeTwoTenants>>;
let brewery: { id: string }; // customer A: its own rule
let bakery: Awaited<ReturnType<typeof makeCustomer>>; // customer B: the partner's rule
let bakeryPbx: { id: string };

async function priceLists() {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  // Gold (what the partner pays) and the End User list: Area 1 (SMS, R15), Area 4, the flat fee, DE numbers.
  const lists = [
    ["GOLD", "0.01200", "0.30000", "10.00", "5.00", "2.00"],
    ["END_USER", "0.01800", "0.45000", "14.90", "7.50", "3.10"],
  ] as const;
  for (const [tier, area1, area4, perUser, setupFee, monthlyFee] of lists) {
    const list = await makePriceList(prisma, tier, { areas: { 1: area1, 4: area4 } });
    await prisma.flatFeeBand.create({
      data: {
        priceListId: list.id,
        sku: "CLASSOUND-FLAT-1m",
        description: "Users 1-5",
        minUsers: 1,
        pricePerUser: perUser,
      },
    });
    await prisma.numberPrice.create({
      data: { priceListId: list.id, countryCode: "DE", type: "GEOGRAPHIC", setupFee, monthlyFee },
    });
  }
}

beforeAll(async () => {
  await priceLists();
  t = await makeTwoTenants(prisma);
  const tenant = { partner: t.a.partner, customer: t.a.customer };
  brewery = t.a.customer;
  await prisma.customer.update({ where: { id: brewery.id }, data: { name: "Brauhaus" } });
  bakery = await makeCustomer(prisma, t.a.partner.id, "=Bäckerei");
  bakeryPbx = await makePbx(prisma, bakery.id);
  const service = await makeService(prisma, t.a.pbx.id);
  await makeCharge(prisma, tenant, service.id, {
    kind: "ACTIVATION",
    amount: "147.29",
    createdAt: OCT(10),
    description: "CLASSOUND-FLAT-1m: 4 users × 10.00 EUR × 12 months × 112/365 days = 147.29 EUR",
  });
  await makeNumberOrder(prisma, tenant, t.a.pbx.id, {
    createdAt: OCT(12),
    lines: [
      {
        kind: "NUMBER_SETUP",
        description: "Setup, DE geographic DID",
        quantity: 10,
        unitPrice: "5.00",
        amount: "50.00",
        formula: "10 numbers × 5.00 EUR setup = 50.00 EUR",
      },
      {
        kind: "NUMBER_MONTHLY",
        description: "Monthly fee to the PBX's expiry, DE geographic DID",
        quantity: 10,
        unitPrice: "2.00",
        amount: "65.75",
        formula: "10 numbers × 2.00 EUR × 12 months × 100/365 days = 65.75 EUR",
      },
    ],
  });
  await prisma.callRecord.createMany({
    data: [
      callOf(tenant, t.a.pbx.id, { ...AREA_4, startedAt: OCT(3), durationSeconds: 100 }),
      callOf(tenant, t.a.pbx.id, { ...AREA_4, startedAt: OCT(4), durationSeconds: 7 }),
      callOf({ partner: t.a.partner, customer: bakery }, bakeryPbx.id, {
        ...AREA_4,
        startedAt: OCT(5),
        durationSeconds: 100,
      }),
      // Partner B's call: never in A's month.
      callOf({ partner: t.b.partner, customer: t.b.customer }, t.b.pbx.id, {
        ...AREA_4,
        startedAt: OCT(5),
        durationSeconds: 600,
      }),
    ],
  });
  // R15: 202 sent by one user of the bakery, 2 past the 200 included.
  await prisma.smsRecord.createMany({
    data: sms({ partner: t.a.partner, customer: bakery }, bakeryPbx.id, 202, { from: OCT(6) }),
  });
  for (const partner of [t.a.partner, t.b.partner])
    await rateMonth(prisma, { month: "2026-10", partnerId: partner.id });
});

const figures = (view: RebillingMonth, customerId: string) => {
  const customer = view.customers.find((c) => c.customerId === customerId)!;
  return {
    lines: customer.lines.map((l) => [l.description, l.purchase, l.endUser, l.resale, l.margin]),
    totals: customer.totals,
    rule: customer.rule,
  };
};

describe("the month per customer at resale prices", () => {
  it("prices each line by the customer's own rule, else the partner's, to the cent", async () => {
    await setResalePricing(prisma, t.a.partnerActor, { customerId: "", basis: "END_USER_MARKUP", markupPercent: "10" });
    await setResalePricing(prisma, t.a.partnerActor, {
      customerId: brewery.id,
      basis: "PURCHASE_MARKUP",
      markupPercent: "25",
    });
    const view = await rebillingMonth(prisma, t.a.partnerActor, { month: "2026-10" }, NOW);
    expect(view.customers.map((c) => c.customerName)).toEqual(["=Bäckerei", "Brauhaus"]);
    // Brauhaus, 25 % over purchase. End User: × 14.90/10.00, × 7.50/5.00, × 3.10/2.00.
    expect(figures(view, brewery.id)).toEqual({
      lines: [
        // 147.29 × 1.49 = 219.4621; 147.29 × 1.25 = 184.1125
        ["CLASSOUND activation: flat fee to the PBX's expiry", "147.29", "219.46", "184.11", "36.82"],
        // 50.00 × 1.5 = 75.00; × 1.25 = 62.50
        ["Monthly fee to the PBX's expiry, DE geographic DID", "65.75", "101.91", "82.19", "16.44"],
        ["Setup, DE geographic DID", "50.00", "75.00", "62.50", "12.50"],
        // 100 s and 7 s: 0.50000 + 0.03500 = 0.53500 -> 0.54; End User 0.75000 + 0.05250 = 0.8025 -> 0.80;
        // 0.535 × 1.25 = 0.66875 -> 0.67
        ["Calls to Area 4", "0.54", "0.80", "0.67", "0.13"],
      ],
      totals: { purchase: "263.58", endUser: "397.17", resale: "329.47", margin: "65.89" },
      rule: { basis: "PURCHASE_MARKUP", markupPercent: "25.00", source: "customer" },
    });
    // The bakery, the partner's 10 % over the End User list: 0.75 × 1.1 = 0.825 -> 0.83;
    // SMS 2 × 0.018 = 0.036 × 1.1 = 0.0396 -> 0.04 (purchase 2 × 0.012 = 0.024 -> 0.02).
    expect(figures(view, bakery.id)).toEqual({
      lines: [
        ["Calls to Area 4", "0.50", "0.75", "0.83", "0.33"],
        ["SMS beyond the 200 included per user", "0.02", "0.04", "0.04", "0.02"],
      ],
      totals: { purchase: "0.52", endUser: "0.79", resale: "0.87", margin: "0.35" },
      rule: { basis: "END_USER_MARKUP", markupPercent: "10.00", source: "partner" },
    });
    expect(view.totals).toEqual({ purchase: "264.10", endUser: "397.96", resale: "330.34", margin: "66.24" });
    expect(view.unrated).toBe(0);
  });

  it("falls back to the End User list when the rules are removed", async () => {
    await clearResalePricing(prisma, t.a.partnerActor, { customerId: "" });
    const bakeryOnly = await rebillingMonth(prisma, t.a.partnerActor, { month: "2026-10", customerId: bakery.id }, NOW);
    expect(bakeryOnly.customers).toHaveLength(1);
    expect(figures(bakeryOnly, bakery.id)).toMatchObject({
      lines: [
        ["Calls to Area 4", "0.50", "0.75", "0.75", "0.25"],
        ["SMS beyond the 200 included per user", "0.02", "0.04", "0.04", "0.02"],
      ],
      rule: { basis: "END_USER_LIST", markupPercent: "0.00", source: "default" },
    });
    // The brewery keeps its own rule.
    const all = await rebillingMonth(prisma, t.a.partnerActor, { month: "2026-10" }, NOW);
    expect(figures(all, brewery.id).totals.resale).toBe("329.47");
  });

  it("shows the same purchase lines as the invoice, also once the run has claimed the charges", async () => {
    const run = await runInvoiceMonth(prisma, { partnerId: t.a.partner.id, month: "2026-10" }, NOW);
    expect(run).toMatchObject({ outcome: "DRAFTED", net: "264.10" });
    const view = await rebillingMonth(prisma, t.a.partnerActor, { month: "2026-10" }, NOW);
    expect(view.totals?.purchase).toBe("264.10");
    expect(view.customers.flatMap((c) => c.lines)).toHaveLength(6);
  });

  it("has an empty month, and defaults to the partner's current local month", async () => {
    const view = await rebillingMonth(prisma, t.a.partnerActor, {}, new Date("2026-12-15T12:00:00Z"));
    expect(view).toMatchObject({ month: "2026-12", customers: [], totals: null, currency: null });
  });
});

describe("who sees what", () => {
  it("answers another partner's customer as NOT_FOUND, and refuses admins and end users", async () => {
    await expect(
      rebillingMonth(prisma, t.b.partnerActor, { month: "2026-10", customerId: brewery.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(rebillingMonth(prisma, t.admin, { month: "2026-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rebillingMonth(prisma, t.a.endUserActor, { month: "2026-10" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Partner B's own month holds only its call: 600 s × 0.30 / 60 = 3.00.
    const other = await rebillingMonth(prisma, t.b.partnerActor, { month: "2026-10" });
    expect(other.totals?.purchase).toBe("3.00");
  });

  it("shows an end user its own customer's lines at resale prices only, never a purchase figure", async () => {
    const month = await customerMonth(prisma, t.a.endUserActor, { month: "2026-10" }, NOW);
    expect(month).toEqual({
      month: "2026-10",
      customerName: "Brauhaus",
      currency: "EUR",
      total: "329.47",
      lines: [
        expect.objectContaining({ kind: "ACTIVATION", amount: "184.11", quantity: "" }),
        expect.objectContaining({ kind: "NUMBER_ORDER", amount: "82.19", quantity: "10 numbers" }),
        expect.objectContaining({ kind: "NUMBER_ORDER", amount: "62.50" }),
        expect.objectContaining({ kind: "USAGE_CALLS_AREA", amount: "0.67", quantity: "1.783 min" }),
      ],
    });
    const text = JSON.stringify(month);
    for (const purchase of ["147.29", "65.75", "50.00", "0.54", "10.00", "5.00", "0.30"])
      expect(text).not.toContain(purchase);
    expect(Object.keys(month.lines[0]!).sort()).toEqual(["amount", "description", "kind", "pbxName", "quantity"]);
    await expect(customerMonth(prisma, t.a.partnerActor, { month: "2026-10" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(customerMonth(prisma, t.admin, { month: "2026-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a malformed month", async () => {
    await expect(rebillingMonth(prisma, t.a.partnerActor, { month: "0000-01" })).rejects.toMatchObject({
      code: "INVALID",
    });
  });
});

describe("the customer's CSV", () => {
  it("carries the figures and neutralises formula cells", async () => {
    const view = await rebillingMonth(prisma, t.a.partnerActor, { month: "2026-10", customerId: bakery.id }, NOW);
    const csv = rebillingCsv("2026-10", view.customers[0], view.customer!.name);
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toContain('"Purchase","End User list","Resale","Margin"');
    expect(rows[1]).toContain(`"'=Bäckerei"`);
    expect(rows[1]).toContain('"0.50","0.75","0.75","0.25"');
    expect(rows.at(-1)).toContain('"TOTAL","","","EUR","0.52","0.79","0.79","0.27"');
  });
});

it("a partner user of another partner cannot set a rule for this partner's customer", async () => {
  const intruder = actorOf(await makeUser(prisma, "PARTNER", { partnerId: t.b.partner.id }));
  await expect(
    setResalePricing(prisma, intruder, { customerId: brewery.id, basis: "END_USER_LIST", markupPercent: "" }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
});
