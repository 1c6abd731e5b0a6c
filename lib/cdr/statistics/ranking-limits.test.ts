import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { failureOf, jsonResult } from "@/lib/http/action-result";
import { cdrRangeRankingJob } from "@/lib/jobs/cdr-jobs";
import { expensiveWorkLimits } from "@/lib/limits/expensive-work";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { statisticsFigure } from "./figures";
import { parseStatisticsFilters } from "./filters";

const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
const now = new Date("2026-11-20T12:00:00Z");
const { queuedPerUser } = expensiveWorkLimits();
const job = { db: prisma, sendMail: null, now: () => now, enqueue: async () => {} };

/** Ranges of 2 to 21 days from October 1st: none is a day, seven days or a month, so each needs a ranking job. */
const range = (i: number) => ({
  preset: "custom",
  from: "2026-10-01",
  to: `2026-10-${String(2 + i + (i >= 5 ? 1 : 0)).padStart(2, "0")}`,
});

/** The figure route's answer to one top-numbers request, with the jobs it queued collected instead of sent. */
async function ask(actor: Actor, query: Record<string, string>, queued: string[]) {
  const context = { actor, filters: parseStatisticsFilters(query), now };
  try {
    const data = await statisticsFigure(prisma, context, "topNumbers", "rollup", async (id) => void queued.push(id));
    return { response: jsonResult({ ok: true, data }), data };
  } catch (error) {
    return { response: jsonResult(failureOf(error)), data: null };
  }
}

describe("ranking jobs a user may queue", () => {
  const endUserJobs: string[] = [];

  it("queues at most the limit of 20 different ranges asked at once; the rest get 429 with Retry-After", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(a.endUserActor, range(i), endUserJobs)));
    const accepted = answers.filter((x) => x.response.status === 200);
    const refused = answers.filter((x) => x.response.status === 429);
    expect(accepted).toHaveLength(queuedPerUser);
    expect(refused).toHaveLength(20 - queuedPerUser);
    expect(endUserJobs).toHaveLength(queuedPerUser);
    // A refusal leaves no request behind for a later reader to queue.
    expect(await prisma.callNumberRangeTop.count()).toBe(queuedPerUser);
    for (const { response } of refused) {
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      const body = await response.json();
      expect(body).toMatchObject({ ok: false, code: "RATE_LIMITED" });
      expect(body.error).toMatch(/Try again in about \d+ seconds?/);
    }
  });

  it("reuses a request still queued: the same range again queues nothing and is not refused", async () => {
    const first = range(answeredIndex(await prisma.callNumberRangeTop.findFirstOrThrow()));
    const again = await ask(a.endUserActor, first, endUserJobs);
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual({ ranking: "pending", numbers: [], workerAlive: false });
    expect(endUserJobs).toHaveLength(queuedPerUser);
    // The same range from the same user's colleague of the same customer reuses it too.
    expect((await ask({ ...a.endUserActor, userId: `${a.endUserActor.userId}-colleague` }, first, [])).data).toEqual({
      ranking: "pending",
      numbers: [],
      workerAlive: false,
    });
  });

  it("does not limit another user by the first one's use", async () => {
    for (const actor of [b.endUserActor, a.partnerActor]) {
      const queued: string[] = [];
      const answer = await ask(actor, range(19), queued);
      expect(answer.response.status).toBe(200);
      expect(queued).toHaveLength(1);
    }
  });

  it("frees a place once a queued ranking has run", async () => {
    expect((await ask(a.endUserActor, range(15), [])).response.status).toBe(429);
    await cdrRangeRankingJob.run(job, { rangeTopId: endUserJobs[0] });
    const queued: string[] = [];
    expect((await ask(a.endUserActor, range(15), queued)).response.status).toBe(200);
    expect(queued).toHaveLength(1);
  });

  it("says whether a worker is alive to run a pending ranking", async () => {
    await prisma.workerHeartbeat.create({ data: { id: "test-worker", host: "test", pid: 1, beatAt: new Date() } });
    try {
      expect((await ask(a.endUserActor, range(15), [])).data).toEqual({
        ranking: "pending",
        numbers: [],
        workerAlive: true,
      });
    } finally {
      await prisma.workerHeartbeat.delete({ where: { id: "test-worker" } });
    }
  });
});

/** Which of `range(i)` a stored request is (by its last day). */
function answeredIndex(request: { toDayExclusive: Date }) {
  const lastDay = new Date(request.toDayExclusive.getTime() - 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: 20 }, (_, i) => i).find((i) => range(i).to === lastDay)!;
}
