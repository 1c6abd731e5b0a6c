import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";

/** How often each worker process writes its heartbeat row. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker is alive while its last beat is younger than three intervals (one slow beat is not a death). */
export const HEARTBEAT_FRESH_SECONDS = (3 * HEARTBEAT_INTERVAL_MS) / 1000;

export interface TWorkerBeat {
  id: string;
  host: string;
  pid: number;
  startedAt: Date;
  beatAt: Date;
  /** By the database's clock, like `alive`. */
  secondsSinceBeat: number;
  alive: boolean;
}

const beat = (db: Db, id: string) =>
  db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("id", "host", "pid", "beatAt") VALUES (${id}, ${os.hostname()}, ${process.pid}, now())
    ON CONFLICT ("id") DO UPDATE SET "beatAt" = now()`;

/**
 * Writes this worker's heartbeat now and every few seconds until `stop`, which removes the row (a
 * worker stopped on purpose is not alive; one that crashed simply stops beating). Clock: the
 * database's, for writing and for judging, so app and worker clocks need not agree.
 */
export async function startHeartbeat(db: Db, intervalMs = HEARTBEAT_INTERVAL_MS) {
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // Rows of workers long gone say nothing the page needs.
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - interval '1 day'`;
  await beat(db, id);
  const timer = setInterval(() => {
    beat(db, id).catch((error: unknown) => log.error("heartbeat not written", { error }));
  }, intervalMs);
  timer.unref();
  return {
    id,
    stop: async () => {
      clearInterval(timer);
      await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "id" = ${id}`;
    },
  };
}

/** The workers that beat within the last day, latest first, each judged alive by the freshness of its beat. */
export async function workerBeats(db: Db): Promise<TWorkerBeat[]> {
  return db.$queryRaw<TWorkerBeat[]>`
    SELECT "id", "host", "pid", "startedAt", "beatAt", extract(epoch FROM now() - "beatAt")::float8 AS "secondsSinceBeat",
      "beatAt" > now() - ${HEARTBEAT_FRESH_SECONDS} * interval '1 second' AS alive
    FROM "WorkerHeartbeat" ORDER BY "beatAt" DESC LIMIT 20`;
}

/** Whether any worker beat recently: a job queued now will be run. */
export async function isWorkerAlive(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ alive: boolean }[]>`
    SELECT EXISTS (SELECT FROM "WorkerHeartbeat" WHERE "beatAt" > now() - ${HEARTBEAT_FRESH_SECONDS} * interval '1 second') AS alive`;
  return row.alive;
}

export interface TJobsHeartbeat {
  /** The latest beat of any worker within the last day, or null. */
  lastHeartbeat: Date | null;
  /** No worker beat recently: queued jobs wait (reported by /api/ready, which stays ready: decision 0079). */
  stale: boolean;
}

/** The job workers' state in one row, for a readiness probe asked every few seconds. */
export async function jobsHeartbeat(db: Db): Promise<TJobsHeartbeat> {
  const [row] = await db.$queryRaw<{ last: Date | null; alive: boolean | null }[]>`
    SELECT max("beatAt") AS last, bool_or("beatAt" > now() - ${HEARTBEAT_FRESH_SECONDS} * interval '1 second') AS alive
    FROM "WorkerHeartbeat"`;
  return { lastHeartbeat: row.last, stale: !row.alive };
}
