import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { QUEUE_SCHEMA, type Boss } from "./boss";
import { CDR_IMPORT, CDR_RATE } from "./cdr-jobs";
import { jobSender } from "./enqueue";
import { workerBeats } from "./heartbeat";
import { JOBS } from "./registry";
import { ZJobRef } from "./schemas";

export const JOB_STATES = ["created", "retry", "active", "completed", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

const table = (name: string) => Prisma.raw(`"${QUEUE_SCHEMA}"."${name}"`);

export interface TroubledJob {
  id: string;
  queue: string;
  state: "retry" | "failed";
  retryCount: number;
  retryLimit: number;
  error: string | null;
  startAfter: Date;
  completedOn: Date | null;
  createdOn: Date;
}

async function queueInstalled(db: Db) {
  const [row] = await db.$queryRaw<
    { installed: boolean }[]
  >`SELECT to_regclass(${`${QUEUE_SCHEMA}.job`}) IS NOT NULL AS installed`;
  return row.installed;
}

// pg-boss stores a thrown error as its serialized form; people need the message.
function errorOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  return typeof message === "string"
    ? message
    : typeof value === "string"
      ? value
      : JSON.stringify(output).slice(0, 500);
}

/** Whether a worker is alive (its heartbeat is fresh), and each recent worker's last beat. */
async function workerHealth(db: Db) {
  const beats = await workerBeats(db);
  return { alive: beats.some((beat) => beat.alive), beats };
}

/** The call batches not processed yet: CDR files waiting for their import, API posts waiting for their rating. */
export interface CallBacklog {
  /** Jobs importing or rating calls, not finished. */
  batches: number;
  /** When the oldest of them was queued: the dashboards lag by at least `now` minus this. */
  oldestSince: Date | null;
  /** Calls stored but not rated yet (counted in the dashboards once rated). */
  callsWaiting: number;
}

const CALL_BATCH_QUEUES = [CDR_IMPORT, CDR_RATE];

async function callBacklog(db: Db): Promise<CallBacklog> {
  const [[jobs], [calls]] = await Promise.all([
    db.$queryRaw<{ n: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS n, min(created_on) AS oldest FROM ${table("job")}
      WHERE name = ANY(${CALL_BATCH_QUEUES}::text[]) AND state IN ('created', 'retry', 'active')`,
    // The partial index of unrated calls answers this: its size is the backlog's, not the table's.
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "CallRecord" WHERE "ratedAt" IS NULL`,
  ]);
  return { batches: jobs.n, oldestSince: jobs.oldest, callsWaiting: calls.n };
}

/**
 * Whether a worker is alive, and: the call batches waiting (`callBacklog`), counts by state for every queue, the schedules, and the jobs
 * waiting for a retry or given up on.
 */
export async function jobsOverview(db: Db, actor: Actor) {
  assertCan(actor, "jobs.manage");
  const workers = await workerHealth(db);
  if (!(await queueInstalled(db))) return { installed: false as const, workers };
  const [backlog, counts, schedules, troubled] = await Promise.all([
    callBacklog(db),
    db.$queryRaw<
      { name: string; state: JobState; n: number }[]
    >`SELECT name, state::text AS state, count(*)::int AS n FROM ${table("job")} GROUP BY name, state`,
    db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM ${table("schedule")} ORDER BY name`,
    db.$queryRaw<
      {
        id: string;
        name: string;
        state: "retry" | "failed";
        retry_count: number;
        retry_limit: number;
        output: unknown;
        start_after: Date;
        completed_on: Date | null;
        created_on: Date;
      }[]
    >`
      SELECT id::text, name, state::text AS state, retry_count, retry_limit, output, start_after, completed_on, created_on
      FROM ${table("job")} WHERE state IN ('retry', 'failed') ORDER BY created_on DESC LIMIT 100`,
  ]);
  const queues = JOBS.map((job) => ({
    name: job.name,
    schedule: schedules.find((s) => s.name === job.name)?.cron ?? null,
    counts: Object.fromEntries(
      JOB_STATES.map((state) => [state, counts.find((c) => c.name === job.name && c.state === state)?.n ?? 0]),
    ) as Record<JobState, number>,
  }));
  const jobs: TroubledJob[] = troubled.map((j) => ({
    id: j.id,
    queue: j.name,
    state: j.state,
    retryCount: j.retry_count,
    retryLimit: j.retry_limit,
    error: errorOf(j.output),
    startAfter: j.start_after,
    completedOn: j.completed_on,
    createdOn: j.created_on,
  }));
  return { installed: true as const, workers, backlog, queues, jobs };
}

async function jobState(db: Db, queue: string, jobId: string): Promise<JobState> {
  const [row] = await db.$queryRaw<
    { state: JobState }[]
  >`SELECT state::text AS state FROM ${table("job")} WHERE name = ${queue} AND id = ${jobId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "This job no longer exists.");
  return row.state;
}

/** Runs a failed job again (with one more attempt than it had). */
export async function retryFailedJob(db: Db, actor: Actor, input: unknown, boss: Boss | Promise<Boss> = jobSender()) {
  assertCan(actor, "jobs.manage");
  const { queue, jobId } = parseOrThrow(ZJobRef, input);
  if ((await jobState(db, queue, jobId)) !== "failed")
    throw new AppError("INVALID", "Only a failed job can be retried.");
  await (await boss).retry(queue, jobId);
  await recordAudit(db, {
    actorId: actor.userId,
    action: "job.retried",
    entityType: "Job",
    entityId: jobId,
    detail: { queue },
  });
}

/** Stops a job that has not finished (waiting, waiting for a retry, or running). */
export async function cancelJob(db: Db, actor: Actor, input: unknown, boss: Boss | Promise<Boss> = jobSender()) {
  assertCan(actor, "jobs.manage");
  const { queue, jobId } = parseOrThrow(ZJobRef, input);
  if (!["created", "retry", "active"].includes(await jobState(db, queue, jobId)))
    throw new AppError("INVALID", "Only an unfinished job can be cancelled.");
  await (await boss).cancel(queue, jobId);
  await recordAudit(db, {
    actorId: actor.userId,
    action: "job.cancelled",
    entityType: "Job",
    entityId: jobId,
    detail: { queue },
  });
}
