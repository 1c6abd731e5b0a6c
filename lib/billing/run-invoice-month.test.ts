import { beforeAll, describe, expect, it } from "vitest";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { PLACED_IN_MUNICH } from "@/lib/testing/calls";
import { makeCountry, makePbx, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runInvoiceMonth } from "./run-invoice-month";
import { callOf, makeCharge, makeNumberOrder, makeService, sms } from "./testing";

// Issue 33, first slice (docs/decisions/0059): the monthly run builds DRAFT invoices.
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-02T08:00:00Z");
const AREA_4 = { countryCode: "AG", area: 4 } as const;
const HOURS_4 = 14_400; // R14: the longest call

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.createMany({
    data: [
      { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
      { code: "FJ", name: "Fiji", dialCode: "679", callTerminationArea: 5 }, // no rate in the list
    ],
  });
  // Gold, the test partners' tier (Europe/Berlin): Area 1 0.012, Area 4 0.30, FreePhone DE by source.
  await makePriceList(prisma, "GOLD", {
    areas: { 1: "0.01200", 4: "0.30000" },
    freephone: [
      { countryCode: "DE", source: "MOBILE", perMinute: "0.04000" },
      { countryCode: "DE", source: "FIXED", perMinute: "0.02000" },
    ],
  });
});

const invoiceOf = (partnerId: string, periodStart: Date) =>
  prisma.invoice.findUnique({
    where: { partnerId_periodStart: { partnerId, periodStart } },
    include: { lines: { orderBy: { sortOrder: "asc" } } },
  });
// October and November 2026 as Berlin counts them: UTC+2 until 25 October, then UTC+1.
const OCTOBER = new Date("2026-09-30T22:00:00Z");
const NOVEMBER = new Date("2026-10-31T23:00:00Z");

/** What a person reads on a line, with money as text to the cent. */
const shown = (line: { kind: string; description: string; quantity: unknown; unitPrice: unknown; amount: unknown }) => [
  line.kind,
  line.description,
  String(line.quantity),
  String(line.unitPrice),
  String(line.amount),
];

describe("a hand-computed month for one partner", () => {
  let tenant: Tenant;
  let beta: { id: string };
  const charges: Record<string, string> = {};
  let orderLineIds: string[] = [];

  beforeAll(async () => {
    tenant = await makeTenant(prisma);
    beta = await makePbx(prisma, tenant.customer.id);
    await prisma.pbx.update({ where: { id: tenant.pbx.id }, data: { name: "Alpha office" } });
    await prisma.pbx.update({ where: { id: beta.id }, data: { name: "Beta office" } });
    const [alphaService, betaService] = [await makeService(prisma, tenant.pbx.id), await makeService(prisma, beta.id)];
    // 00:30 on 1 October in Berlin is 30 September in UTC: October's.
    charges.activation = (
      await makeCharge(prisma, tenant, alphaService.id, {
        kind: "ACTIVATION",
        amount: "715.20",
        createdAt: new Date("2026-09-30T22:30:00Z"),
        description: "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 212/212 days = 715.20 EUR",
      })
    ).id;
    charges.usersAdded = (
      await makeCharge(prisma, tenant, betaService.id, {
        kind: "USERS_ADDED",
        amount: "118.90",
        createdAt: new Date("2026-10-20T10:00:00Z"),
      })
    ).id;
    // 00:30 on 1 November in Berlin is still 31 October in UTC: November's.
    charges.renewal = (
      await makeCharge(prisma, tenant, alphaService.id, {
        kind: "RENEWAL",
        amount: "2145.60",
        createdAt: new Date("2026-10-31T23:30:00Z"),
      })
    ).id;
    const order = await makeNumberOrder(prisma, tenant, tenant.pbx.id, {
      createdAt: new Date("2026-10-05T12:00:00Z"),
      lines: [
        {
          kind: "NUMBER_SETUP",
          description: "Setup, 2 numbers DE",
          quantity: 2,
          unitPrice: "5.00",
          amount: "10.00",
          formula: "2 numbers × 5.00 EUR setup = 10.00 EUR",
        },
        {
          kind: "NUMBER_MONTHLY",
          description: "Monthly fee to the PBX's expiry, 2 numbers DE",
          quantity: 2,
          unitPrice: "1.50",
          amount: "21.60",
          formula: "2 numbers × 1.50 EUR × 12 months × 219/365 days = 21.60 EUR",
        },
      ],
    });
    orderLineIds = order.lines.map((l) => l.id);
    // A failed order bills nothing.
    await makeNumberOrder(prisma, tenant, tenant.pbx.id, {
      createdAt: new Date("2026-10-06T12:00:00Z"),
      status: "FAILED",
      lines: [
        { kind: "NUMBER_SETUP", description: "Setup", quantity: 1, unitPrice: "5.00", amount: "5.00", formula: "x" },
      ],
    });

    const alpha = (fields: Parameters<typeof callOf>[2]) => callOf(tenant, tenant.pbx.id, fields);
    const day = (d: number) => new Date(Date.UTC(2026, 9, d, 8));
    await prisma.callRecord.createMany({
      data: [
        // Extension 100: 12 calls of 4 hours (2,880 of its 3,000 minutes), then one of 4 hours of
        // which 7,200 s are past them, then 61 s: Area 1 bills 7,261 s at 0.012/min.
        ...Array.from({ length: 13 }, (_, i) =>
          alpha({ ...PLACED_IN_MUNICH, startedAt: day(i + 2), durationSeconds: HOURS_4 }),
        ),
        alpha({ ...PLACED_IN_MUNICH, startedAt: day(16), durationSeconds: 61 }),
        // Extension 200 stays within its own minutes (not pooled, R5): nothing billed.
        alpha({ ...PLACED_IN_MUNICH, extension: "200", startedAt: day(16), durationSeconds: 600 }),
        // Area 4 from the first second: 125 s, 14 s and (local 1 October) 20 s; unanswered costs nothing.
        alpha({ ...AREA_4, toE164: "+12684601234", startedAt: day(3), durationSeconds: 125 }),
        alpha({ ...AREA_4, toE164: "+12684601234", startedAt: day(4), durationSeconds: 14 }),
        alpha({ ...AREA_4, toE164: "+12684601234", startedAt: new Date("2026-09-30T22:30:00Z"), durationSeconds: 20 }),
        alpha({ ...AREA_4, toE164: "+12684601234", startedAt: day(5), durationSeconds: 0, disposition: "BUSY" }),
        // November in Berlin (00:30 on 1 November): not October's.
        alpha({ ...AREA_4, toE164: "+12684601234", startedAt: new Date("2026-10-31T23:30:00Z"), durationSeconds: 600 }),
        // FreePhone (R7): 90 s from a mobile, 45 s from a fixed line; a call to a plain DID is free (R6).
        ...(
          [
            ["MOBILE", 90],
            ["FIXED", 45],
          ] as const
        ).map(([source, seconds]) =>
          alpha({
            direction: "INBOUND",
            extension: null,
            toE164: "+498001234567",
            didE164: "+498001234567",
            numberType: "FREEPHONE",
            countryCode: "DE",
            freephoneSource: source,
            startedAt: day(7),
            durationSeconds: seconds,
          }),
        ),
        alpha({
          direction: "INBOUND",
          extension: null,
          didE164: "+4930901999",
          numberType: "GEOGRAPHIC",
          countryCode: "DE",
          startedAt: day(7),
          durationSeconds: 300,
        }),
      ],
    });
    // R15 on Beta: extension 100 sends 203 (3 past its 200), 200 sends 10; received ones are free.
    await prisma.smsRecord.createMany({
      data: [
        ...sms(tenant, beta.id, 203, { from: day(8) }),
        ...sms(tenant, beta.id, 10, { from: day(9), extension: "200" }),
        ...sms(tenant, beta.id, 5, { from: day(9), direction: "INBOUND" }),
      ],
    });
    for (const month of ["2026-10", "2026-11"]) await rateMonth(prisma, { month, partnerId: tenant.partner.id });
  });

  it("bills every line and the total as computed by hand, to the cent, grouped by PBX", async () => {
    const result = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW);
    expect(result).toMatchObject({ outcome: "DRAFTED", net: "868.07", currency: "EUR", lines: 9 });
    const invoice = (await invoiceOf(tenant.partner.id, OCTOBER))!;
    expect(invoice).toMatchObject({ status: "DRAFT", number: null, currency: "EUR", periodEnd: NOVEMBER });
    const alpha = tenant.pbx.id;
    expect(invoice.lines.map((l) => [l.pbxId, ...shown(l)])).toEqual([
      [alpha, "ACTIVATION", "CLASSOUND activation: flat fee to the PBX's expiry", "1", "715.2", "715.2"],
      [alpha, "NUMBER_ORDER", "Setup, 2 numbers DE", "2", "5", "10"],
      [alpha, "NUMBER_ORDER", "Monthly fee to the PBX's expiry, 2 numbers DE", "2", "1.5", "21.6"],
      // 7,200 × 0.012 / 60 = 1.44000, 61 × 0.012 / 60 = 0.01220: 1.45220 -> 1.45
      [
        alpha,
        "USAGE_CALLS_AREA",
        "Calls to Area 1 beyond the 3,000 included minutes per user",
        "121.017",
        "0.012",
        "1.45",
      ],
      // 0.62500 + 0.07000 + 0.10000 = 0.79500 -> 0.80 (half up)
      [alpha, "USAGE_CALLS_AREA", "Calls to Area 4", "2.65", "0.3", "0.8"],
      // 45 × 0.02 / 60 = 0.01500 -> 0.02; 90 × 0.04 / 60 = 0.06
      [alpha, "USAGE_FREEPHONE", "FreePhone calls from fixed callers to DE numbers", "0.75", "0.02", "0.02"],
      [alpha, "USAGE_FREEPHONE", "FreePhone calls from mobile callers to DE numbers", "1.5", "0.04", "0.06"],
      [beta.id, "USERS_ADDED", "Users added: flat fee for the rest of the term", "1", "118.9", "118.9"],
      // 3 × 0.012 = 0.03600 -> 0.04
      [beta.id, "USAGE_SMS", "SMS beyond the 200 included per user", "3", "0.012", "0.04"],
    ]);
    expect(invoice.lines.map((l) => [l.area, l.countryCode, l.freephoneSource])).toContainEqual([null, "DE", "FIXED"]);
    expect(invoice.lines.map((l) => l.formula)).toEqual([
      "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 212/212 days = 715.20 EUR",
      "2 numbers × 5.00 EUR setup = 10.00 EUR",
      "2 numbers × 1.50 EUR × 12 months × 219/365 days = 21.60 EUR",
      "2 calls, 7,261 billed seconds at 0.01200 EUR/min, per second, each call rounded to 0.00001: 1.45220 EUR → 1.45 EUR",
      "3 calls, 159 billed seconds at 0.30000 EUR/min, per second, each call rounded to 0.00001: 0.79500 EUR → 0.80 EUR",
      "1 call, 45 billed seconds at 0.02000 EUR/min, per second, each call rounded to 0.00001: 0.01500 EUR → 0.02 EUR",
      "1 call, 90 billed seconds at 0.04000 EUR/min, per second, each call rounded to 0.00001: 0.06000 EUR → 0.06 EUR",
      "USERS_ADDED: 118.90 EUR",
      "3 SMS × 0.01200 EUR = 0.03600 EUR → 0.04 EUR",
    ]);
    // 715.20 + 10.00 + 21.60 + 1.45 + 0.80 + 0.02 + 0.06 + 118.90 + 0.04
    expect(invoice.net.toFixed(2)).toBe("868.07");
    const sum = invoice.lines.reduce((total, l) => total.add(l.amount), invoice.net.sub(invoice.net));
    expect(sum.toFixed(2)).toBe(invoice.net.toFixed(2));
    // The test partner is in Germany without a VAT number: German VAT, 868.07 × 19 % = 164.9333 → 164.93.
    expect([invoice.vatRate.toString(), invoice.vatAmount.toFixed(2), invoice.total.toFixed(2)]).toEqual([
      "19",
      "164.93",
      "1033.00",
    ]);
    expect(invoice.vatNote).toBe("VAT 19 % (Germany)");
  });

  it("running the month again gives one invoice with the same lines, each charge on it once", async () => {
    const first = (await invoiceOf(tenant.partner.id, OCTOBER))!;
    const again = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW);
    expect(again).toMatchObject({ outcome: "DRAFTED", invoiceId: first.id, net: "868.07" });
    const second = (await invoiceOf(tenant.partner.id, OCTOBER))!;
    const content = (lines: typeof first.lines) => lines.map((l) => [l.sortOrder, l.pbxId, l.formula, ...shown(l)]);
    expect(content(second.lines)).toEqual(content(first.lines));
    expect(await prisma.invoice.count({ where: { partnerId: tenant.partner.id } })).toBe(1);
    const charged = await prisma.serviceCharge.findMany({ where: { id: { in: Object.values(charges) } } });
    expect(Object.fromEntries(charged.map((c) => [c.id, c.invoiceId]))).toEqual({
      [charges.activation!]: first.id,
      [charges.usersAdded!]: first.id,
      [charges.renewal!]: null,
    });
    const orderLines = await prisma.numberOrderLine.findMany({ where: { id: { in: orderLineIds } } });
    expect(orderLines.map((l) => l.invoiceId)).toEqual([first.id, first.id]);
  });

  it("bills a charge and calls of the next local month in that month only", async () => {
    const november = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-11" }, NOW);
    expect(november).toMatchObject({ outcome: "DRAFTED", net: "2148.60" });
    const invoice = (await invoiceOf(tenant.partner.id, NOVEMBER))!;
    expect(invoice.lines.map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([
      ["RENEWAL", "2145.60"],
      ["USAGE_CALLS_AREA", "3.00"], // 600 s × 0.30 / 60
    ]);
    expect((await invoiceOf(tenant.partner.id, OCTOBER))!.net.toFixed(2)).toBe("868.07");
  });

  // A charge's createdAt is when it was recorded, so none arises in a month already ended; this one is
  // back-dated only to show an issued invoice never takes another line (corrections: credit notes, later).
  it("leaves an issued invoice as it is, adding no charge to it", async () => {
    const october = (await invoiceOf(tenant.partner.id, OCTOBER))!;
    await prisma.invoice.update({ where: { id: october.id }, data: { status: "ISSUED", number: "2026-000001" } });
    const service = await prisma.classoundService.findUniqueOrThrow({ where: { pbxId: tenant.pbx.id } });
    const late = await makeCharge(prisma, tenant, service.id, {
      kind: "USERS_ADDED",
      amount: "50.00",
      createdAt: new Date("2026-10-28T10:00:00Z"),
    });
    const result = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW);
    expect(result).toEqual({ outcome: "ISSUED_UNTOUCHED", invoiceId: october.id, status: "ISSUED" });
    const after = (await invoiceOf(tenant.partner.id, OCTOBER))!;
    expect(after.lines.map((l) => l.id)).toEqual(october.lines.map((l) => l.id));
    expect(after.net.toFixed(2)).toBe("868.07");
    expect((await prisma.serviceCharge.findUniqueOrThrow({ where: { id: late.id } })).invoiceId).toBeNull();
  });
});

describe("partners and unrated months", () => {
  let mine: Tenant;
  let other: Tenant;
  let mineCharge: string;

  beforeAll(async () => {
    [mine, other] = [await makeTenant(prisma), await makeTenant(prisma)];
    for (const tenant of [mine, other]) {
      const service = await makeService(prisma, tenant.pbx.id);
      const charge = await makeCharge(prisma, tenant, service.id, {
        kind: "ACTIVATION",
        amount: tenant === mine ? "100.00" : "999.99",
        createdAt: new Date("2026-10-10T10:00:00Z"),
      });
      if (tenant === mine) mineCharge = charge.id;
      await prisma.callRecord.create({
        data: callOf(tenant, tenant.pbx.id, {
          ...AREA_4,
          toE164: "+12684601234",
          startedAt: new Date("2026-10-11T10:00:00Z"),
          durationSeconds: tenant === mine ? 60 : 6000,
        }),
      });
      await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    }
  });

  it("never bills another partner's charges or calls", async () => {
    const [a, b] = [
      await runInvoiceMonth(prisma, { partnerId: mine.partner.id, month: "2026-10" }, NOW),
      await runInvoiceMonth(prisma, { partnerId: other.partner.id, month: "2026-10" }, NOW),
    ];
    expect(a).toMatchObject({ outcome: "DRAFTED", net: "100.30", lines: 2 });
    expect(b).toMatchObject({ outcome: "DRAFTED", net: "1029.99", lines: 2 });
  });

  it("two runs at once end with one invoice", async () => {
    const both = await Promise.all(
      [1, 2].map(() => runInvoiceMonth(prisma, { partnerId: mine.partner.id, month: "2026-10" }, NOW)),
    );
    expect(both.map((r) => r.outcome)).toEqual(["DRAFTED", "DRAFTED"]);
    const invoice = (await invoiceOf(mine.partner.id, OCTOBER))!;
    expect([invoice.net.toFixed(2), invoice.lines.length]).toEqual(["100.30", 2]);
  });

  it("unrated calls block the month with how many and why; the stale draft goes, nothing is billed at 0", async () => {
    const draft = (await invoiceOf(mine.partner.id, OCTOBER))!;
    const call = (fields: Parameters<typeof callOf>[2]) => callOf(mine, mine.pbx.id, fields);
    await prisma.callRecord.create({
      data: call({ countryCode: "FJ", area: 5, toE164: "+6793312345", startedAt: new Date("2026-10-12T10:00:00Z") }),
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: mine.partner.id });
    // Arrived after the rating: not rated yet.
    await prisma.callRecord.create({
      data: call({ ...AREA_4, toE164: "+12684601234", startedAt: new Date("2026-10-13T10:00:00Z") }),
    });

    const result = await runInvoiceMonth(prisma, { partnerId: mine.partner.id, month: "2026-10" }, NOW);
    expect(result).toMatchObject({
      outcome: "BLOCKED",
      draftRemoved: true,
      blocked: {
        calls: 2,
        sms: 0,
        reasons: [
          { table: "calls", reason: "NOT_RATED_YET", count: 1 },
          { table: "calls", reason: "NO_RATE", count: 1 },
        ],
      },
    });
    expect(result.outcome === "BLOCKED" && result.message).toMatch(/2026-10 is not invoiced: 2 calls and 0 SMS/);
    expect(await prisma.invoice.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await prisma.invoiceLine.count({ where: { invoiceId: draft.id } })).toBe(0);
    expect((await prisma.serviceCharge.findUniqueOrThrow({ where: { id: mineCharge } })).invoiceId).toBeNull();
    // Running it again changes nothing while the calls stay unrated.
    expect(await runInvoiceMonth(prisma, { partnerId: mine.partner.id, month: "2026-10" }, NOW)).toMatchObject({
      outcome: "BLOCKED",
      draftRemoved: false,
    });
    // The other partner's month is not blocked by these calls.
    expect(await runInvoiceMonth(prisma, { partnerId: other.partner.id, month: "2026-10" }, NOW)).toMatchObject({
      outcome: "DRAFTED",
      net: "1029.99",
    });
  });

  it("a month with nothing to bill makes no invoice", async () => {
    expect(await runInvoiceMonth(prisma, { partnerId: other.partner.id, month: "2026-08" }, NOW)).toEqual({
      outcome: "NOTHING_TO_BILL",
      draftRemoved: false,
    });
  });
});
