import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createBoss, QUEUE_SCHEMA } from "./boss";
import { CDR_RATE, cdrRateJob } from "./cdr-jobs";
import { requestCdrRating, shareJobSender } from "./enqueue";
import { installQueues } from "./runner";

const { prisma, url } = await createTestDatabase();
// A queue with no worker: what is asked for stays waiting, to be read back.
const boss = createBoss(url);
await boss.start();
await installQueues(url, boss, [cdrRateJob]);
shareJobSender(boss);
afterAll(() => boss.stop({ graceful: false }));

const waiting = () =>
  prisma.$queryRawUnsafe<{ data: { months: string[] } }[]>(
    `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'created' ORDER BY data->>'months'`,
    CDR_RATE,
  );

describe("requestCdrRating", () => {
  it("keeps one waiting rating job per month, which rates every PBX's posts since", async () => {
    await requestCdrRating(["2026-10-01"]);
    // While the month's job waits, the next posts need no job of their own: the waiting one rates them.
    await requestCdrRating(["2026-10-01"]);
    await requestCdrRating(["2026-10-01", "2026-11-01"]);
    expect((await waiting()).map((job) => job.data)).toEqual([{ months: ["2026-10-01"] }, { months: ["2026-11-01"] }]);
  });
});
