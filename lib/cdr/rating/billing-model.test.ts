import { beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { PLACED_IN_MUNICH, storedCall } from "@/lib/testing/calls";
import { makeCountry, makeTenant, makeTier, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList, putPartnerOnTier } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rateMonth } from "./rate-month";

// Issue 29, decision 0041: the partner's calendar month, the tier the partner had at the call, and
// "unrated, never 0" (finding 3).
const { prisma } = await createTestDatabase();
const JAN_2026 = new Date("2026-01-01T00:00:00Z");

const priceList = (tierCode: string, rates: { area1: string; area4?: string; smsRate?: string }) =>
  makePriceList(prisma, tierCode, {
    name: `${tierCode} ${rates.area1}`,
    validFrom: JAN_2026,
    areas: { 1: rates.area1, ...(rates.area4 && { 4: rates.area4 }) },
    smsRate: rates.smsRate,
    freephone: [{ countryCode: "DE", source: "MOBILE", perMinute: "0.04" }],
  });

/** The tenant's partner moved to `tierCode` from `from` on (a new period of its tier history). */
async function moveTier(tenant: Tenant, tierCode: string, from: Date) {
  const tier = await makeTier(prisma, tierCode);
  await prisma.partnerTierPeriod.create({ data: { partnerId: tenant.partner.id, tierId: tier.id, validFrom: from } });
  await prisma.partner.update({ where: { id: tenant.partner.id }, data: { tierId: tier.id } });
}

const call = (
  tenant: Tenant,
  fields: Partial<Prisma.CallRecordCreateManyInput> & Pick<Prisma.CallRecordCreateManyInput, "startedAt">,
) => storedCall(tenant, { ...PLACED_IN_MUNICH, ...fields });
const find = (externalId: string) => prisma.callRecord.findFirstOrThrow({ where: { externalId } });
const money = (value: { toFixed(n: number): string } | null) => value?.toFixed(5) ?? null;

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.createMany({
    data: [
      { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
      // Area 5: no price list of this test has a rate for it.
      { code: "FJ", name: "Fiji", dialCode: "679", callTerminationArea: 5 },
    ],
  });
  await priceList("GOLD", { area1: "0.01200", area4: "0.30000" });
  await priceList("SILVER", { area1: "0.01500", area4: "0.36000" });
  await priceList(END_USER_TIER_CODE, { area1: "0.02000", area4: "0.50000" });
  await makeTier(prisma, "BRONZE"); // no price list in force, ever
});

describe("a call that cannot be priced is unrated with its reason, never 0 (finding 3)", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await makeTenant(prisma); // Gold
    const day = new Date("2026-10-05T09:00:00Z");
    await prisma.callRecord.createMany({
      data: [
        call(tenant, { externalId: "no-rate", toE164: "+6793312345", countryCode: "FJ", area: 5, startedAt: day }),
        call(tenant, {
          externalId: "no-country",
          toE164: "+8881234567",
          countryCode: null,
          area: null,
          startedAt: day,
        }),
        call(tenant, {
          externalId: "unanswered",
          toE164: "+6793312345",
          countryCode: "FJ",
          area: 5,
          disposition: "BUSY",
          durationSeconds: 0,
          startedAt: day,
        }),
        call(tenant, {
          externalId: "freephone-no-source",
          direction: "INBOUND",
          extension: null,
          toE164: "+498001234567",
          didE164: "+498001234567",
          numberType: "FREEPHONE",
          area: null,
          startedAt: day,
        }),
        call(tenant, {
          externalId: "did-not-in-inventory",
          direction: "INBOUND",
          extension: null,
          toE164: "+4930901999",
          didE164: "+4930901999",
          numberType: null,
          area: null,
          startedAt: day,
        }),
        call(tenant, { externalId: "priced", toE164: "+12684601234", countryCode: "AG", area: 4, startedAt: day }),
      ],
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
  });

  it("an outbound call to a country with no rate: NO_RATE and no cost", async () => {
    expect(await find("no-rate")).toMatchObject({ unratedReason: "NO_RATE", cost: null, endUserCost: null, area: 5 });
    expect((await find("no-rate")).ratedAt).not.toBeNull();
  });

  it("a number that cannot be placed (no country): UNKNOWN_NUMBER and no cost", async () => {
    expect(await find("no-country")).toMatchObject({ unratedReason: "UNKNOWN_NUMBER", cost: null });
  });

  it("an inbound call to a FreePhone DID with no caller source: NO_FREEPHONE_SOURCE; other inbound calls are free", async () => {
    expect(await find("freephone-no-source")).toMatchObject({ unratedReason: "NO_FREEPHONE_SOURCE", cost: null });
    const free = await find("did-not-in-inventory");
    expect([free.unratedReason, money(free.cost), money(free.endUserCost)]).toEqual([null, "0.00000", "0.00000"]);
  });

  it("unanswered calls are rated at 0 whatever the price list; priced calls have no reason", async () => {
    const unanswered = await find("unanswered");
    expect([unanswered.unratedReason, money(unanswered.cost), money(unanswered.endUserCost)]).toEqual([
      null,
      "0.00000",
      "0.00000",
    ]);
    const priced = await find("priced");
    expect([priced.unratedReason, money(priced.cost), money(priced.endUserCost)]).toEqual([null, "0.30000", "0.50000"]);
  });
});

describe("a tier with no price list in force", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await makeTenant(prisma);
    await putPartnerOnTier(prisma, tenant, "BRONZE");
    const day = new Date("2026-10-06T09:00:00Z");
    await prisma.callRecord.createMany({
      data: [
        call(tenant, { externalId: "bronze-area1", startedAt: day }),
        call(tenant, {
          externalId: "bronze-area4",
          toE164: "+12684601234",
          countryCode: "AG",
          area: 4,
          startedAt: day,
        }),
      ],
    });
    await prisma.smsRecord.createMany({
      data: [
        {
          partnerId: tenant.partner.id,
          customerId: tenant.customer.id,
          pbxId: tenant.pbx.id,
          externalId: "bronze-sms",
          direction: "OUTBOUND",
          fromE164: "+4930901820",
          toE164: "+4915112345678",
          extension: "100",
          sentAt: day,
          cost: 0,
          currency: "EUR",
        },
      ],
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
  });

  it("leaves every call and SMS of it unrated (NO_PRICE_LIST), with no cost", async () => {
    expect(await find("bronze-area1")).toMatchObject({ unratedReason: "NO_PRICE_LIST", cost: null, priceListId: null });
    expect(await find("bronze-area4")).toMatchObject({ unratedReason: "NO_PRICE_LIST", cost: null });
    expect(await prisma.smsRecord.findFirstOrThrow({ where: { externalId: "bronze-sms" } })).toMatchObject({
      unratedReason: "NO_PRICE_LIST",
      cost: null,
    });
  });

  it("prices them once a version is in force, and a second run writes nothing", async () => {
    await priceList("BRONZE", { area1: "0.01800", area4: "0.42000" });
    expect(await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id })).toEqual({ calls: 2, sms: 1 });
    const area4 = await find("bronze-area4");
    expect([area4.unratedReason, money(area4.cost)]).toEqual([null, "0.42000"]);
    expect(await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id })).toEqual({ calls: 0, sms: 0 });
  });
});

describe("the tier the partner had at the call's start (tier history)", () => {
  it("a partner moved from Gold to Silver on the 15th keeps its earlier calls at Gold after re-rating", async () => {
    const tenant = await makeTenant(prisma); // Gold from the beginning
    await prisma.callRecord.createMany({
      data: [
        call(tenant, {
          externalId: "gold-10th",
          toE164: "+12684601234",
          countryCode: "AG",
          area: 4,
          startedAt: new Date("2026-10-10T09:00:00Z"),
        }),
        call(tenant, {
          externalId: "silver-20th",
          toE164: "+12684601234",
          countryCode: "AG",
          area: 4,
          startedAt: new Date("2026-10-20T09:00:00Z"),
        }),
      ],
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    await moveTier(tenant, "SILVER", new Date("2026-10-14T22:00:00Z")); // 15 October, Berlin
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    expect(money((await find("gold-10th")).cost)).toBe("0.30000");
    expect(money((await find("silver-20th")).cost)).toBe("0.36000");
  });
});

describe("the partner's calendar month (R5 in the partner's time zone)", () => {
  it("a Berlin partner's call at 2026-10-31T23:30Z draws from November's 3,000 minutes", async () => {
    const tenant = await makeTenant(prisma); // Europe/Berlin
    await prisma.callRecord.createMany({
      data: [
        // 00:30 on 1 November in Berlin.
        call(tenant, {
          externalId: "berlin-midnight",
          durationSeconds: 60,
          startedAt: new Date("2026-10-31T23:30:00Z"),
        }),
        // 12 x 4 h + 2 h = 3,000 minutes in November: the first 60 s went to the call above.
        ...Array.from({ length: 12 }, (_, i) =>
          call(tenant, { durationSeconds: 14_400, startedAt: new Date(Date.UTC(2026, 10, 2 + i, 8)) }),
        ),
        call(tenant, {
          externalId: "november-last",
          durationSeconds: 7_200,
          startedAt: new Date("2026-11-20T08:00:00Z"),
        }),
      ],
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    expect((await find("berlin-midnight")).ratedAt).toBeNull(); // not October's
    await rateMonth(prisma, { month: "2026-11", partnerId: tenant.partner.id });
    expect(await find("berlin-midnight")).toMatchObject({ billedSeconds: 0 });
    const last = await find("november-last");
    expect([last.billedSeconds, money(last.cost)]).toEqual([60, "0.01200"]);
  });
});

describe("SMS past the 200th (R15)", () => {
  it("cost the Area 1 per-minute rate, not a separate SMS price", async () => {
    const tenant = await makeTenant(prisma);
    await putPartnerOnTier(prisma, tenant, "SMS-TEST");
    await priceList("SMS-TEST", { area1: "0.01200", smsRate: "0.05000" });
    await prisma.smsRecord.createMany({
      data: Array.from({ length: 201 }, (_, i) => ({
        partnerId: tenant.partner.id,
        customerId: tenant.customer.id,
        pbxId: tenant.pbx.id,
        externalId: `sms-test-${i}`,
        direction: "OUTBOUND" as const,
        fromE164: "+4930901820",
        toE164: "+4915112345678",
        extension: "100",
        sentAt: new Date(Date.UTC(2026, 9, 8, 9, 0, i)),
        cost: 0,
        currency: "EUR",
      })),
    });
    await rateMonth(prisma, { month: "2026-10", partnerId: tenant.partner.id });
    const last = await prisma.smsRecord.findFirstOrThrow({ where: { externalId: "sms-test-200" } });
    expect([last.unratedReason, money(last.cost)]).toEqual([null, "0.01200"]);
  });
});
