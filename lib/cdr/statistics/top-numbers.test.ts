import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { cdrRangeRankingJob, cdrSevenDayRankingJob } from "@/lib/jobs/cdr-jobs";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { statisticsFigure } from "./figures";
import { parseStatisticsFilters } from "./filters";
import { insertSyntheticCalls } from "./test-calls";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const from = new Date("2026-10-01T00:00:00Z");
const now = new Date("2026-11-20T12:00:00Z");
await insertSyntheticCalls(
  prisma,
  { partnerId: a.partner.id, customerId: a.customer.id, pbxId: a.pbx.id },
  { count: 300, from, days: 50, seed: 4 },
);
await insertSyntheticCalls(
  prisma,
  { partnerId: b.partner.id, customerId: b.customer.id, pbxId: b.pbx.id },
  { count: 200, from, days: 50, seed: 5 },
);
await refreshCallRollups(prisma, { from, to: new Date("2026-11-19T23:59:59Z") }, now);

// Ten days: neither a day, seven days nor a month, so no period ranking answers them.
const TEN_DAYS = { preset: "custom", from: "2026-10-10", to: "2026-10-19" };
const job = { db: prisma, sendMail: null, now: () => now, enqueue: async () => {} };
const requests = () => prisma.callNumberRangeTop.findMany({ orderBy: { requestedAt: "asc" } });

/** Reads top numbers as the route does, with the jobs it queues collected instead of sent. */
function reader(actor: Actor, query: Record<string, string> = TEN_DAYS) {
  const queued: string[] = [];
  const context = { actor, filters: parseStatisticsFilters(query), now };
  return {
    queued,
    read: () => statisticsFigure(prisma, context, "topNumbers", "rollup", async (id) => void queued.push(id)),
    raw: () => statisticsFigure(prisma, context, "topNumbers", "raw"),
    rankQueued: async () => {
      for (const rangeTopId of queued.splice(0)) await cdrRangeRankingJob.run(job, { rangeTopId });
    },
  };
}

const refreshDay = (iso: string) =>
  refreshCallRollups(prisma, { from: new Date(`${iso}T08:00:00Z`), to: new Date(`${iso}T09:00:00Z`) }, now);
// The requests, and the starts counted against each user's limits of expensive work (lib/limits).
const clearRequests = () =>
  prisma.$transaction([prisma.callNumberRangeTop.deleteMany(), prisma.expensiveWorkStart.deleteMany()]);
// No worker runs in these tests: a pending ranking says so.
const PENDING = { ranking: "pending", numbers: [], workerAlive: false };

describe("top numbers over a range no period ranking answers", () => {
  it("is pending until one job ranks it, then read from the stored ranking, equal to the raw GROUP BY", async () => {
    await clearRequests();
    const partner = reader(a.partnerActor);
    expect(await partner.read()).toEqual(PENDING);
    expect(await partner.read()).toEqual(PENDING);
    // Asked twice, requested and queued once.
    expect(partner.queued).toHaveLength(1);
    expect(await requests()).toHaveLength(1);

    const [rangeTopId] = partner.queued;
    await partner.rankQueued();
    const expected = await partner.raw();
    expect(expected.numbers.length).toBeGreaterThan(0);
    expect(await partner.read()).toEqual(expected);
    // Delivered twice (pg-boss delivers at least once), the job ranks once.
    const [stored] = await requests();
    expect(await cdrRangeRankingJob.run(job, { rangeTopId })).toBe(false);
    expect(await requests()).toEqual([stored]);
    expect(stored.rankedAt).not.toBeNull();
    expect(stored.numbers).toEqual(expected.numbers);
    // Read from the stored ranking: altered by hand, the figure shows the alteration.
    await prisma.callNumberRangeTop.update({
      where: { id: stored.id },
      data: { numbers: [{ ...expected.numbers[0], calls: 999_999 }] },
    });
    expect((await partner.read()).numbers[0].calls).toBe(999_999);
  });

  it("keeps one ranking per tenant and filters: another partner, an end user or a filter gets its own, never another's rows", async () => {
    await clearRequests();
    const views = [
      reader(a.partnerActor),
      reader(a.endUserActor),
      reader(b.partnerActor),
      reader(admin),
      reader(admin, { ...TEN_DAYS, partner: b.partner.id }),
      reader(a.partnerActor, { ...TEN_DAYS, direction: "INBOUND", area: "1" }),
    ];
    for (const view of views) await view.read();
    expect(await requests()).toHaveLength(views.length);
    for (const view of views) {
      await view.rankQueued();
      const shown = await view.read();
      expect(shown.ranking).toBe("ready");
      expect(shown).toEqual(await view.raw());
    }
    // A second partner user of partner A (same tenant, same filters) reads A's ranking without a request.
    const colleague = reader({ ...a.partnerActor, userId: "another-user-of-a" });
    expect((await colleague.read()).ranking).toBe("ready");
    expect(colleague.queued).toHaveLength(0);
  });

  it("ranks a foreign PBX in the filters as nothing", async () => {
    await clearRequests();
    const prying = reader(a.partnerActor, { ...TEN_DAYS, pbx: b.pbx.id });
    await prying.read();
    await prying.rankQueued();
    expect(await prying.read()).toEqual({ ranking: "ready", numbers: [] });
  });

  it("is deleted by a refresh of one of its days, kept by a refresh of a day outside", async () => {
    await clearRequests();
    const partner = reader(a.partnerActor);
    await partner.read();
    await partner.rankQueued();
    expect((await partner.read()).ranking).toBe("ready");
    await refreshDay("2026-10-25");
    expect((await partner.read()).ranking).toBe("ready");
    await refreshDay("2026-10-19");
    expect(await requests()).toHaveLength(0);
    expect(await partner.read()).toEqual(PENDING);
    expect(partner.queued).toHaveLength(1);
  });

  it("stores nothing when a refresh deleted the request before its job ran", async () => {
    await clearRequests();
    const partner = reader(a.partnerActor);
    await partner.read();
    const [rangeTopId] = partner.queued;
    await refreshDay("2026-10-12");
    expect(await cdrRangeRankingJob.run(job, { rangeTopId })).toBe(false);
    expect(await requests()).toHaveLength(0);
  });

  it("queues a request pending for over a minute again, once a minute", async () => {
    await clearRequests();
    const partner = reader(a.partnerActor);
    await partner.read();
    await prisma.$executeRaw`UPDATE "CallNumberRangeTop" SET "requestedAt" = now() - interval '2 minutes'`;
    await partner.read();
    await partner.read();
    expect(partner.queued).toHaveLength(2);
    expect(new Set(partner.queued).size).toBe(1);
  });

  it("answers a number filter from the daily number roll-up, without a ranking", async () => {
    await clearRequests();
    const [{ number }] = (await reader(a.partnerActor).raw()).numbers;
    const filtered = reader(a.partnerActor, { ...TEN_DAYS, number });
    const shown = await filtered.read();
    expect(shown.ranking).toBe("ready");
    expect(shown.numbers.length).toBeGreaterThan(0);
    expect(shown).toEqual(await filtered.raw());
    expect(filtered.queued).toHaveLength(0);
    expect(await requests()).toHaveLength(0);
  });

  it("is dropped by the nightly job a week after it was requested", async () => {
    await clearRequests();
    await reader(a.partnerActor).read();
    const nightly = (at: Date) => cdrSevenDayRankingJob.run({ ...job, now: () => at }, {});
    expect(await nightly(new Date(Date.now() + 6 * 86_400_000))).toEqual({ rangeRankingsDropped: 0 });
    expect(await nightly(new Date(Date.now() + 8 * 86_400_000))).toEqual({ rangeRankingsDropped: 1 });
    expect(await requests()).toHaveLength(0);
  });
});
