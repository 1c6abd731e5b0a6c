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
  prisma.$queryRawUnsafe<{ data: { months: string[]; pbxIds: string[] } }[]>(
    `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'created' ORDER BY data->>'pbxIds', data->>'months'`,
    CDR_RATE,
  );

describe("requestCdrRating", () => {
  it("keeps one waiting rating job per month and PBX: another PBX's post is never dropped", async () => {
    await requestCdrRating(["2026-10-01"], ["pbx-a"]);
    await requestCdrRating(["2026-10-01"], ["pbx-b"]);
    // While pbx-a's job waits, its next post needs no job of its own: the waiting one rates it.
    await requestCdrRating(["2026-10-01"], ["pbx-a"]);
    await requestCdrRating(["2026-10-01", "2026-11-01"], ["pbx-a"]);
    expect((await waiting()).map((job) => job.data)).toEqual([
      { months: ["2026-10-01"], pbxIds: ["pbx-a"] },
      { months: ["2026-11-01"], pbxIds: ["pbx-a"] },
      { months: ["2026-10-01"], pbxIds: ["pbx-b"] },
    ]);
  });
});
