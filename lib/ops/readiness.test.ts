import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { migrationNames } from "@/lib/db/migration-status";
import { createEmptyDatabase, createTestDatabase } from "@/lib/testing/test-database";
import { readiness } from "./readiness";

const { prisma, url } = await createTestDatabase();
const folder = await migrationNames();
const beatAgo = (seconds: number) =>
  prisma.$executeRaw`INSERT INTO "WorkerHeartbeat" ("id", "host", "pid", "beatAt")
    VALUES ('probe', 'host-a', 42, now() - ${seconds} * interval '1 second')
    ON CONFLICT ("id") DO UPDATE SET "beatAt" = EXCLUDED."beatAt"`;

describe("readiness", () => {
  it("is ready with this build's migrations applied, whether or not a job worker beats", async () => {
    expect(await readiness(prisma)).toEqual({
      httpStatus: 200,
      body: {
        status: "ready",
        database: "reachable",
        migrations: { applied: folder.length, pending: 0, newer: 0 },
        jobs: { lastHeartbeat: null, stale: true },
      },
    });
    await beatAgo(600);
    const dead = await readiness(prisma);
    expect(dead.httpStatus).toBe(200);
    expect(dead.body).toMatchObject({ jobs: { stale: true, lastHeartbeat: expect.any(Date) } });
    await beatAgo(1);
    expect((await readiness(prisma)).body).toMatchObject({ jobs: { stale: false } });
  });

  it("is not ready while a migration of this build is missing or one failed; a newer build's is fine", async () => {
    const pending = await readiness(prisma, { migrations: Promise.resolve([...folder, "29991231000000_later"]) });
    expect(pending).toEqual({
      httpStatus: 503,
      body: { status: "not ready", reason: "1 migration of this build not applied" },
    });
    const older = await readiness(prisma, { migrations: Promise.resolve(folder.slice(0, -1)) });
    expect(older.body).toMatchObject({ status: "ready", migrations: { newer: 1 } });
    await prisma.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('broken', 'x', '29991231000000_broken', now(), 0)`;
    try {
      expect((await readiness(prisma)).body).toEqual({ status: "not ready", reason: "1 migration failed half-way" });
    } finally {
      await prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE id = 'broken'`;
    }
  });

  it("is not ready, with the reason, when the database is empty, unreachable or does not answer in time", async () => {
    const empty = createPrismaClient(await createEmptyDatabase(), 1);
    const gone = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none", 1);
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      expect((await readiness(empty)).body).toEqual({
        status: "not ready",
        reason: "the database has no migrations applied",
      });
      expect(await readiness(gone)).toEqual({
        httpStatus: 503,
        body: { status: "not ready", reason: "the database is unreachable" },
      });
      await locker.query("BEGIN; LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE");
      expect((await readiness(prisma, { timeoutMs: 300 })).body).toEqual({
        status: "not ready",
        reason: "the database did not answer within 300 ms",
      });
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
      await Promise.all([empty.$disconnect(), gone.$disconnect()]);
    }
  });
});
