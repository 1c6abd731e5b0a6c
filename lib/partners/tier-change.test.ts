import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { refreshRollupsForMonths } from "@/lib/cdr/rollups/refresh";
import type { TRerateRequest } from "@/lib/cdr/rating/unrated";
import type { Prisma } from "@/lib/db/generated/client";
import { createBoss, QUEUE_SCHEMA } from "@/lib/jobs/boss";
import { CDR_RERATE, cdrRerateJob } from "@/lib/jobs/cdr-jobs";
import { shareJobSender, stopJobSender } from "@/lib/jobs/enqueue";
import { unsafeApplyStartedTierPeriods } from "@/lib/jobs/partner-tier-jobs";
import { installQueues } from "@/lib/jobs/runner";
import { loadOrderContext, loadOrderPbx, quoteNumbers } from "@/lib/numbers/context";
import { pbxQuote } from "@/lib/pricing/pbx-quote";
import { storedCall } from "@/lib/testing/calls";
import {
  makeActiveService,
  makeCountry,
  makeTenant,
  makeTier,
  makeTwoTenants,
  type Tenant,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { changePartnerTier, tierInForce } from "./tier-change";

const { prisma, url } = await createTestDatabase();
// A queue with no worker: the re-ratings asked for stay waiting, to be read back.
const boss = createBoss(url);
await boss.start();
await installQueues(url, boss, [cdrRerateJob]);
shareJobSender(boss);
// The sender is process-wide: files run after this one in the worker must not find this database's.
afterAll(() => stopJobSender());

const { a, admin } = await makeTwoTenants(prisma);
const now = new Date("2026-12-07T10:00:00Z");
const tiers = {
  gold: await makeTier(prisma, "GOLD"),
  silver: await makeTier(prisma, "SILVER"),
  bronze: await makeTier(prisma, "BRONZE"),
  endUser: await makeTier(prisma, END_USER_TIER_CODE),
};

/** One version per tier since 2026: area 4 per minute, the flat fee per user and a German DID's fees, distinct per tier. */
async function priceList(tierId: string, area4: string, flatFee: string, setupFee: string) {
  await prisma.priceList.create({
    data: {
      tierId,
      name: `List ${area4}`,
      currency: "EUR",
      validFrom: new Date("2026-01-01T00:00:00Z"),
      smsRate: "0.01",
      areaRates: { create: [{ area: 4, perMinute: area4 }] },
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1m", description: "Users 1+", minUsers: 1, maxUsers: null, pricePerUser: flatFee },
        ],
      },
      numberPrices: { create: [{ countryCode: "DE", type: "GEOGRAPHIC", setupFee, monthlyFee: "1.00" }] },
    },
  });
}

const waitingReratings = () =>
  prisma.$queryRawUnsafe<{ data: TRerateRequest }[]>(
    `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'created' ORDER BY data->>'month'`,
    CDR_RERATE,
  );
const periodsOf = (partnerId: string) =>
  prisma.partnerTierPeriod.findMany({
    where: { partnerId },
    orderBy: { validFrom: "asc" },
    select: { validFrom: true, tier: { select: { code: true } } },
  });
const tierOf = async (partnerId: string) =>
  (await prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, include: { tier: true } })).tier.code;
const costOf = async (externalId: string) =>
  (await prisma.callRecord.findFirstOrThrow({ where: { externalId } })).cost?.toFixed(2);

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  await priceList(tiers.gold.id, "0.30", "10.00", "5.00");
  await priceList(tiers.silver.id, "0.36", "12.00", "6.00");
  await priceList(tiers.bronze.id, "0.40", "14.00", "7.00");
  await priceList(tiers.endUser.id, "0.50", "20.00", "9.00");
});

describe("a tier change from a past date (docs/decisions/0041)", () => {
  let tenant: Tenant;
  // A minute to Antigua (area 4, priced from the first second) at instants around 1 November in Berlin.
  const calls: [string, string][] = [
    ["oct-5", "2026-10-05T09:00:00Z"],
    ["oct-31-berlin", "2026-10-31T22:30:00Z"], // 23:30 on 31 October in Berlin
    ["nov-1-berlin", "2026-10-31T23:30:00Z"], // 00:30 on 1 November in Berlin
    ["nov-10", "2026-11-10T09:00:00Z"],
  ];
  beforeAll(async () => {
    tenant = await makeTenant(prisma); // Gold since 1970, Europe/Berlin
    const rows: Prisma.CallRecordCreateManyInput[] = calls.map(([id, at]) =>
      storedCall(tenant, {
        externalId: `${tenant.partner.id}-${id}`,
        toE164: "+12684601234",
        countryCode: "AG",
        area: 4,
        startedAt: new Date(at),
      }),
    );
    await prisma.callRecord.createMany({ data: rows });
    for (const month of ["2026-10", "2026-11"]) await rateMonth(prisma, { month, partnerId: tenant.partner.id });
    await refreshRollupsForMonths(prisma, ["2026-10-01", "2026-11-01"], now);
  });
  const cost = (id: string) => costOf(`${tenant.partner.id}-${id}`);

  it("adds a period from the start of that day in the partner's zone, moves the current tier, and queues the months since", async () => {
    expect(await cost("nov-10")).toBe("0.30");
    const change = await changePartnerTier(
      prisma,
      admin,
      { partnerId: tenant.partner.id, tierId: tiers.silver.id, from: "2026-11-01" },
      now,
    );

    expect(change).toMatchObject({
      validFrom: new Date("2026-10-31T23:00:00Z"),
      started: true,
      rerate: [{ partnerId: tenant.partner.id, month: "2026-11" }],
      rerateQueued: true,
    });
    expect((await periodsOf(tenant.partner.id)).map((p) => [p.validFrom.toISOString(), p.tier.code])).toEqual([
      ["1970-01-01T00:00:00.000Z", "GOLD"],
      ["2026-10-31T23:00:00.000Z", "SILVER"],
    ]);
    expect(await tierOf(tenant.partner.id)).toBe("SILVER");
    expect((await waitingReratings()).map((j) => j.data)).toEqual([{ partnerId: tenant.partner.id, month: "2026-11" }]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: tenant.partner.id, action: "partner.tier_changed" },
    });
    expect(audit).toMatchObject({
      actorId: admin.userId,
      detail: expect.objectContaining({ from: "2026-11-01", tierName: "Silver", previousTierName: "Gold" }),
    });
  });

  it("queues each partner-month once however often it is asked, and the re-rating keeps earlier calls' price", async () => {
    await changePartnerTier(
      prisma,
      admin,
      { partnerId: tenant.partner.id, tierId: tiers.bronze.id, from: "2026-11-05" },
      now,
    );
    expect((await waitingReratings()).map((j) => j.data)).toEqual([{ partnerId: tenant.partner.id, month: "2026-11" }]);

    // What the queued job runs: the month rated again.
    for (const { data } of await waitingReratings()) await rateMonth(prisma, data);
    expect(await cost("oct-5")).toBe("0.30");
    expect(await cost("oct-31-berlin")).toBe("0.30");
    expect(await cost("nov-1-berlin")).toBe("0.36");
    expect(await cost("nov-10")).toBe("0.40");
  });

  it("refuses the tier the partner already has on that date, beside the tier", async () => {
    await expect(
      changePartnerTier(
        prisma,
        admin,
        { partnerId: tenant.partner.id, tierId: tiers.bronze.id, from: "2026-11-20" },
        now,
      ),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { tierId: [expect.stringContaining("already on Bronze")] },
    });
  });

  it("never rewrites a started period that priced calls", async () => {
    const before = await periodsOf(tenant.partner.id);
    await expect(
      changePartnerTier(
        prisma,
        admin,
        { partnerId: tenant.partner.id, tierId: tiers.endUser.id, from: "2026-11-01" },
        now,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { from: [expect.stringContaining("priced calls")] } });
    expect(await periodsOf(tenant.partner.id)).toEqual(before);
    expect(await tierOf(tenant.partner.id)).toBe("BRONZE");
  });

  it("tells the period in force at any instant", async () => {
    const at = async (iso: string) => (await tierInForce(prisma, tenant.partner.id, new Date(iso)))?.tier.code;
    expect(await at("2026-10-31T22:59:59Z")).toBe("GOLD");
    expect(await at("2026-10-31T23:00:00Z")).toBe("SILVER");
    expect(await at("2026-11-04T23:00:00Z")).toBe("BRONZE");
  });
});

describe("a tier change from a future date", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await makeTenant(prisma); // Gold, Europe/Berlin
    await makeActiveService(prisma, tenant.pbx);
  });

  it("leaves the current tier until the job sees the period start, and queues nothing", async () => {
    const change = await changePartnerTier(
      prisma,
      admin,
      { partnerId: tenant.partner.id, tierId: tiers.bronze.id, from: "2027-01-01" },
      now,
    );
    expect(change).toMatchObject({ validFrom: new Date("2026-12-31T23:00:00Z"), started: false, rerate: [] });
    expect(await tierOf(tenant.partner.id)).toBe("GOLD");

    // Not started yet, nothing priced: the same date may take another tier, in the same period.
    await changePartnerTier(
      prisma,
      admin,
      { partnerId: tenant.partner.id, tierId: tiers.silver.id, from: "2027-01-01" },
      now,
    );
    expect((await periodsOf(tenant.partner.id)).map((p) => p.tier.code)).toEqual(["GOLD", "SILVER"]);

    expect(await unsafeApplyStartedTierPeriods(prisma, new Date("2026-12-31T22:59:00Z"))).toBe(0);
    expect(await tierOf(tenant.partner.id)).toBe("GOLD");
    expect(await unsafeApplyStartedTierPeriods(prisma, new Date("2026-12-31T23:00:00Z"))).toBe(1);
    expect(await tierOf(tenant.partner.id)).toBe("SILVER");
    expect(await unsafeApplyStartedTierPeriods(prisma, new Date("2027-01-02T00:00:00Z"))).toBe(0);
    expect(
      await prisma.auditLog.count({ where: { entityId: tenant.partner.id, action: "partner.tier_took_effect" } }),
    ).toBe(1);
  });

  it("quotes at each date with the tier in force then, whatever the current tier says", async () => {
    const other = await makeTenant(prisma);
    await makeActiveService(prisma, other.pbx);
    await changePartnerTier(
      prisma,
      admin,
      { partnerId: other.partner.id, tierId: tiers.silver.id, from: "2027-01-01" },
      now,
    );
    const january = new Date("2027-01-02T10:00:00Z");
    expect(await tierOf(other.partner.id)).toBe("GOLD"); // the job has not run

    const flatFee = async (at: Date) =>
      (await pbxQuote(prisma, admin, { pbxId: other.pbx.id, now: at })).quote?.unitPrice;
    expect(await flatFee(now)).toBe("10.00");
    expect(await flatFee(january)).toBe("12.00");

    const item = { countryCode: "DE", type: "GEOGRAPHIC" } as const;
    const setup = (quote: { lines: { kind: string; unitPrice: { toFixed(n: number): string } }[] }) =>
      quote.lines.find((l) => l.kind === "NUMBER_SETUP")?.unitPrice.toFixed(2);
    const partner = { ...admin };
    const inOrder = async (at: Date) =>
      setup((await loadOrderContext(prisma, partner, other.pbx.id, item, at)).quote(10));
    expect(await inOrder(now)).toBe("5.00");
    expect(await inOrder(january)).toBe("6.00");
    const pbx = await loadOrderPbx(prisma, partner, other.pbx.id, january);
    expect(setup(await quoteNumbers(prisma, pbx, { ...item, quantity: 10 }, january))).toBe("6.00");
  });
});

describe("who may change a tier", () => {
  it("only the operator's admins: a partner (its own admin too) or an end user is FORBIDDEN", async () => {
    const input = { partnerId: a.partner.id, tierId: tiers.silver.id, from: "2026-11-01" };
    for (const actor of [a.partnerActor, { ...a.partnerActor, isPartnerAdmin: true }, a.endUserActor])
      await expect(changePartnerTier(prisma, actor, input, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await periodsOf(a.partner.id)).toHaveLength(1);
  });

  it("answers NOT_FOUND for an id that names no partner, and refuses an unreal date beside it", async () => {
    await expect(
      changePartnerTier(
        prisma,
        admin,
        { partnerId: "c000000000000000000000000", tierId: tiers.silver.id, from: "2026-11-01" },
        now,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      changePartnerTier(prisma, admin, { partnerId: a.partner.id, tierId: tiers.silver.id, from: "2026-02-31" }, now),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { from: [expect.any(String)] } });
  });
});
