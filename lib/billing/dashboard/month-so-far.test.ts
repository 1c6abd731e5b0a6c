import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { actorOf, makeCountry, makePbx, makeTenant, makeUser, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runInvoiceMonth } from "../run-invoice-month";
import { callOf, makeCharge, makeNumberOrder, makeService, sms } from "../testing";
import { monthSoFar } from "./month-so-far";

// The dashboard's month so far reads the run's own statements (docs/decisions/0065): what it shows
// on the 25th is what a run of the month would bill if it ended then.
const { prisma } = await createTestDatabase();
// 25 October 2026, noon in Berlin: October is the month so far.
const NOW = new Date("2026-10-25T10:00:00Z");
const AREA_4 = { countryCode: "AG", area: 4, toE164: "+12684601234" } as const;

let tenant: Tenant;
let partner: Actor;
let other: Tenant;
let otherActor: Actor;

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  // Gold, the test partners' tier: Area 1 0.012, Area 4 0.30, FreePhone DE from mobiles 0.04.
  await makePriceList(prisma, "GOLD", {
    areas: { 1: "0.01200", 4: "0.30000" },
    freephone: [{ countryCode: "DE", source: "MOBILE", perMinute: "0.04000" }],
  });
  [tenant, other] = [await makeTenant(prisma), await makeTenant(prisma)];
  [partner, otherActor] = [
    actorOf(await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id })),
    actorOf(await makeUser(prisma, "PARTNER", { partnerId: other.partner.id })),
  ];
  const beta = await makePbx(prisma, tenant.customer.id);
  const [alphaService, betaService] = [await makeService(prisma, tenant.pbx.id), await makeService(prisma, beta.id)];
  // 00:30 on 1 October in Berlin (30 September in UTC) is October's; 25 October 20:00 Berlin is after NOW.
  await makeCharge(prisma, tenant, alphaService.id, {
    kind: "ACTIVATION",
    amount: "715.20",
    createdAt: new Date("2026-09-30T22:30:00Z"),
  });
  await makeCharge(prisma, tenant, betaService.id, {
    kind: "USERS_ADDED",
    amount: "118.90",
    createdAt: new Date("2026-10-20T10:00:00Z"),
  });
  // September's, billed on September's invoice: not this month's.
  await makeCharge(prisma, tenant, betaService.id, {
    kind: "RENEWAL",
    amount: "999.00",
    createdAt: new Date("2026-09-30T21:30:00Z"),
  });
  await makeNumberOrder(prisma, tenant, tenant.pbx.id, {
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
  const alpha = (fields: Parameters<typeof callOf>[2]) => callOf(tenant, tenant.pbx.id, fields);
  await prisma.callRecord.createMany({
    data: [
      // Area 4 from the first second: 125 s + 14 s at 0.30/min = 0.69500 -> 0.70.
      alpha({ ...AREA_4, startedAt: new Date("2026-10-03T08:00:00Z"), durationSeconds: 125 }),
      alpha({ ...AREA_4, startedAt: new Date("2026-10-04T08:00:00Z"), durationSeconds: 14 }),
      // FreePhone from a mobile: 90 s at 0.04/min = 0.06.
      alpha({
        direction: "INBOUND",
        extension: null,
        toE164: "+498001234567",
        didE164: "+498001234567",
        numberType: "FREEPHONE",
        countryCode: "DE",
        freephoneSource: "MOBILE",
        startedAt: new Date("2026-10-07T08:00:00Z"),
        durationSeconds: 90,
      }),
      // Within extension 100's 3,000 included minutes (R5): nothing.
      alpha({ countryCode: "DE", area: 1, startedAt: new Date("2026-10-08T08:00:00Z"), durationSeconds: 600 }),
    ],
  });
  // R15: 204 SMS from one user, 4 past its 200 at 0.012 = 0.04800 -> 0.05.
  await prisma.smsRecord.createMany({ data: sms(tenant, beta.id, 204, { from: new Date("2026-10-09T08:00:00Z") }) });
  // The other partner's month: never on this one's figures.
  const otherService = await makeService(prisma, other.pbx.id);
  await makeCharge(prisma, other, otherService.id, {
    kind: "ACTIVATION",
    amount: "5000.00",
    createdAt: new Date("2026-10-10T10:00:00Z"),
  });
  for (const t of [tenant, other]) await rateMonth(prisma, { month: "2026-10", partnerId: t.partner.id });
});

describe("the month so far", () => {
  it("is the hand-computed month by kind, with the VAT the invoice would carry", async () => {
    const month = await monthSoFar(prisma, partner, NOW);
    expect(month).toMatchObject({ month: "2026-10", timeZone: "Europe/Berlin", unrated: { calls: 0, sms: 0 } });
    // 715.20 + 118.90; 10.00 + 21.60; 0.70; 0.06; 0.05: 866.51, German VAT 19 % = 164.6369 -> 164.64.
    expect(month.money).toEqual([
      {
        currency: "EUR",
        byKind: { flatFees: "834.10", numbers: "31.60", calls: "0.70", freephone: "0.06", sms: "0.05" },
        net: "866.51",
        vatRate: "19",
        vat: "164.64",
        total: "1031.15",
        reverseCharge: false,
      },
    ]);
  });

  it("equals the net of a draft run of the same month, and still does once that draft has claimed the charges", async () => {
    const before = await monthSoFar(prisma, partner, NOW);
    const run = await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW);
    expect(run).toMatchObject({ outcome: "DRAFTED" });
    expect(run.outcome === "DRAFTED" && [run.net, run.total]).toEqual([before.money[0]!.net, before.money[0]!.total]);
    expect(await monthSoFar(prisma, partner, NOW)).toEqual(before);
    await prisma.invoice.deleteMany({ where: { partnerId: tenant.partner.id, status: "DRAFT" } });
  });

  it("shows only the partner's own month", async () => {
    const month = await monthSoFar(prisma, otherActor, NOW);
    expect(month.money.map((m) => [m.net, m.byKind.flatFees])).toEqual([["5000.00", "5000.00"]]);
  });

  it("counts unrated calls as a warning beside the money, never as 0 in it", async () => {
    const late = await prisma.callRecord.create({
      data: callOf(tenant, tenant.pbx.id, { ...AREA_4, startedAt: new Date("2026-10-21T08:00:00Z") }),
    });
    const month = await monthSoFar(prisma, partner, NOW);
    expect(month.unrated).toEqual({ calls: 1, sms: 0 });
    expect(month.money[0]!.net).toBe("866.51");
    expect(await runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, NOW)).toMatchObject({
      outcome: "BLOCKED",
    });
    await prisma.callRecord.deleteMany({ where: { id: late.id } });
  });

  it("names the previous month's invoice: its figures once issued, only its status while a draft", async () => {
    // September as Berlin counts it starts at 22:00 UTC on 31 August.
    const september = { periodStart: new Date("2026-08-31T22:00:00Z"), periodEnd: new Date("2026-09-30T22:00:00Z") };
    expect((await monthSoFar(prisma, partner, NOW)).previous).toBeNull();
    const invoice = await prisma.invoice.create({
      data: { partnerId: tenant.partner.id, ...september, currency: "EUR", net: "999.00", total: "1188.81" },
    });
    expect((await monthSoFar(prisma, partner, NOW)).previous).toEqual({
      month: "2026-09",
      status: "DRAFT",
      issued: null,
    });
    const dueAt = new Date("2026-10-31T00:00:00Z");
    await prisma.invoice.update({
      where: { id: invoice.id },
      data: { status: "ISSUED", number: "2026-000042", issuedAt: NOW, dueAt },
    });
    expect((await monthSoFar(prisma, partner, NOW)).previous).toEqual({
      month: "2026-09",
      status: "ISSUED",
      issued: { id: invoice.id, number: "2026-000042", total: "1188.81", currency: "EUR", dueAt },
    });
    // Another partner's September is not this one's.
    expect((await monthSoFar(prisma, otherActor, NOW)).previous).toBeNull();
  });

  it("is a partner's own: admins and end users are refused", async () => {
    const admin = actorOf(await makeUser(prisma, "ADMIN"));
    const endUser = actorOf(await makeUser(prisma, "END_USER", { customerId: tenant.customer.id }));
    await expect(monthSoFar(prisma, admin, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(monthSoFar(prisma, endUser, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
