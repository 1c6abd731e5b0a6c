import { beforeAll, describe, expect, it } from "vitest";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { listCalls } from "@/lib/cdr/statistics/call-list";
import { unratedCallsNote } from "@/lib/cdr/statistics/price-columns";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { statisticsFigure } from "@/lib/cdr/statistics/figures";
import { cdrReratePublishedJob, cdrRerateJob } from "@/lib/jobs/cdr-jobs";
import type { JobContext } from "@/lib/jobs/definition";
import { PLACED_IN_MUNICH, storedCall } from "@/lib/testing/calls";
import { actorOf, makeCountry, makeTenant, makeUser, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList, putPartnerOnTier } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rateMonth } from "./rate-month";
import { requestRerate, unratedOverview } from "./unrated";

// Issue 29, "rating never writes 0": unrated calls are listed for admins, counted apart in totals,
// and re-rated (by hand, or when a version of their tier is published), idempotently.
const { prisma } = await createTestDatabase();
let tenant: Tenant;
let admin: ReturnType<typeof actorOf>;
const OCT_5 = new Date("2026-10-05T09:00:00Z");
const NOW = new Date("2026-10-20T12:00:00Z");

const call = (externalId: string) => storedCall(tenant, { ...PLACED_IN_MUNICH, externalId, startedAt: OCT_5 });

function jobContext() {
  const enqueued: string[] = [];
  const context: JobContext = {
    db: prisma,
    sendMail: null,
    now: () => NOW,
    enqueue: async (name, _data, key) => void enqueued.push(`${name}:${key}`),
  };
  return { context, enqueued };
}

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  tenant = await makeTenant(prisma);
  // A tier with no price list in force: every call of the partner is NO_PRICE_LIST.
  await putPartnerOnTier(prisma, tenant, "COPPER");
  await prisma.callRecord.createMany({ data: Array.from({ length: 12 }, (_, i) => call(`unrated-${i}`)) });
  await rateMonth(prisma, { month: "2026-10" });
  await refreshCallRollups(prisma, { from: OCT_5, to: OCT_5 }, NOW);
  admin = actorOf(await makeUser(prisma, "ADMIN"));
});

describe("unrated calls for admins", () => {
  it("counts them per reason and per partner and month", async () => {
    const overview = await unratedOverview(prisma, admin);
    expect(overview.byReason).toEqual([{ reason: "NO_PRICE_LIST", calls: 12, sms: 0 }]);
    expect(overview.byPartnerMonth).toEqual([
      { partnerId: tenant.partner.id, partnerName: tenant.partner.name, month: "2026-10", calls: 12, sms: 0 },
    ]);
    expect(overview.recentCalls).toHaveLength(12);
  });

  it("is the operator's page only", async () => {
    const partner = actorOf(await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id }));
    await expect(unratedOverview(prisma, partner)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("limits re-rating requests like other expensive work", async () => {
    const asker = actorOf(await makeUser(prisma, "ADMIN"));
    const request = { partnerId: tenant.partner.id, month: "2026-10" };
    for (let i = 0; i < 3; i++) await requestRerate(prisma, asker, request);
    await expect(requestRerate(prisma, asker, request)).rejects.toMatchObject({ name: "RateLimitedError" });
  });
});

describe("unrated calls in totals and lists", () => {
  /** October's statistics as the partner sees them. */
  const octoberOfPartner = async () =>
    statisticsContext(
      prisma,
      actorOf(await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id })),
      { preset: "custom", from: "2026-10-01", to: "2026-10-31" },
      NOW,
    );

  it("the cost figure counts them apart: '12 calls not yet rated', not in the money", async () => {
    const context = await octoberOfPartner();
    for (const source of ["rollup", "raw"] as const) {
      const cost = await statisticsFigure(prisma, context, "cost", source);
      expect(cost).toEqual([{ currency: "EUR", purchase: "0.00", endUser: "0.00", unratedCalls: 12 }]);
      expect(unratedCallsNote(cost)).toBe("12 calls not yet rated");
    }
  });

  it("the call list says why a call has no price", async () => {
    const { calls } = await listCalls(prisma, await octoberOfPartner());
    expect(calls[0]).toMatchObject({
      notRated: "Not rated: no price list in force for the partner's tier",
      prices: { purchase: null, endUser: null },
    });
  });
});

describe("re-rating", () => {
  it("publishing a version of the tier queues its months with unrated calls; re-rating twice writes once", async () => {
    const tin = await makePriceList(prisma, "TIN", { smsRate: "0.01" });
    const copper = await makePriceList(prisma, "COPPER", { areas: { 1: "0.01000" }, smsRate: "0.01" });
    const published = jobContext();
    await cdrReratePublishedJob.run(published.context, { priceListId: tin.id });
    expect(published.enqueued).toEqual([]); // no partner of that tier has unrated calls
    await cdrReratePublishedJob.run(published.context, { priceListId: copper.id });
    const key = `2026-10:${tenant.partner.id}`;
    expect(published.enqueued).toEqual([`cdr-rerate:${key}`]);

    const rerate = jobContext();
    const request = cdrRerateJob.parse({ partnerId: tenant.partner.id, month: "2026-10" });
    expect(await cdrRerateJob.run(rerate.context, request)).toEqual({ calls: 12, sms: 0 });
    expect(await cdrRerateJob.run(rerate.context, request)).toEqual({ calls: 0, sms: 0 });
    expect(rerate.enqueued).toEqual(["cdr-rollups:2026-10", "cdr-rollups:2026-10"]);
    expect(await prisma.callRecord.count({ where: { partnerId: tenant.partner.id, unratedReason: null } })).toBe(12);
    // Counted expensive work ends with the job.
    expect(await prisma.expensiveWorkStart.count({ where: { workKey: key, finishedAt: null } })).toBe(0);
  });
});
