import { describe, expect, it } from "vitest";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { jobsOverview } from "./admin";
import { HEARTBEAT_FRESH_SECONDS, isWorkerAlive, startHeartbeat, workerBeats } from "./heartbeat";

const { prisma } = await createTestDatabase();
const { admin } = await makeTwoTenants(prisma);

const beatAgo = (id: string, seconds: number) =>
  prisma.$executeRaw`INSERT INTO "WorkerHeartbeat" ("id", "host", "pid", "beatAt")
    VALUES (${id}, 'host-a', 42, now() - ${seconds} * interval '1 second')
    ON CONFLICT ("id") DO UPDATE SET "beatAt" = EXCLUDED."beatAt"`;

describe("the worker heartbeat", () => {
  it("judges a worker alive by the freshness of its last beat", async () => {
    await prisma.workerHeartbeat.deleteMany();
    expect(await isWorkerAlive(prisma)).toBe(false);
    await beatAgo("old", HEARTBEAT_FRESH_SECONDS + 5);
    expect(await isWorkerAlive(prisma)).toBe(false);
    expect(await workerBeats(prisma)).toMatchObject([{ id: "old", alive: false }]);
    await beatAgo("fresh", HEARTBEAT_FRESH_SECONDS - 5);
    expect(await isWorkerAlive(prisma)).toBe(true);
    expect(await workerBeats(prisma)).toMatchObject([
      { id: "fresh", alive: true },
      { id: "old", alive: false },
    ]);
    // The same worker missing beats goes from alive to not alive.
    await beatAgo("fresh", HEARTBEAT_FRESH_SECONDS + 1);
    expect(await isWorkerAlive(prisma)).toBe(false);
  });

  it("is written at start and every interval, and removed when the worker stops", async () => {
    await prisma.workerHeartbeat.deleteMany();
    const heartbeat = await startHeartbeat(prisma, 100);
    try {
      expect(await isWorkerAlive(prisma)).toBe(true);
      const [first] = await workerBeats(prisma);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const [later] = await workerBeats(prisma);
      expect(later.id).toBe(first.id);
      expect(later.beatAt.getTime()).toBeGreaterThan(first.beatAt.getTime());
      expect(later.pid).toBe(process.pid);
    } finally {
      await heartbeat.stop();
    }
    expect(await isWorkerAlive(prisma)).toBe(false);
    expect(await workerBeats(prisma)).toEqual([]);
  });

  it("shows on /admin/jobs: the last beat and whether a worker is alive", async () => {
    await prisma.workerHeartbeat.deleteMany();
    await beatAgo("gone", 120);
    expect((await jobsOverview(prisma, admin)).workers).toMatchObject({ alive: false, beats: [{ id: "gone" }] });
    await beatAgo("running", 1);
    const { workers } = await jobsOverview(prisma, admin);
    expect(workers.alive).toBe(true);
    expect(workers.beats[0]).toMatchObject({ id: "running", alive: true, host: "host-a", pid: 42 });
  });
});
