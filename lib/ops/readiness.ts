import type { Db } from "@/lib/db/client";
import {
  APPLIED_MIGRATIONS_SQL,
  isMissingTable,
  migrationNames,
  migrationStatus,
  type AppliedMigrationRow,
} from "@/lib/db/migration-status";
import { jobsHeartbeat, type TJobsHeartbeat } from "@/lib/jobs/heartbeat";
import { shuttingDownSince } from "./lifecycle";
import { formatCount } from "@/lib/format";

// GET /api/ready (decision 0079): whether a load balancer should send this instance requests. It
// needs the database and the schema this build was made for; it does not need a job worker: a dead
// worker would otherwise take every web instance out of the balancer at once. The workers' heartbeat
// is reported beside the verdict, for the operator's monitoring, and shown on /admin/jobs.

/** A probe answers well within a balancer's usual 5-second timeout, or says why not. */
const DATABASE_TIMEOUT_MS = 2_000;

export type TReadiness =
  | {
      status: "ready";
      database: "reachable";
      migrations: { applied: number; pending: 0; newer: number };
      jobs: TJobsHeartbeat;
    }
  | { status: "not ready"; reason: string };

// This build's migrations: the folder beside the code the process runs, read once.
let folder: Promise<string[]> | undefined;
const thisBuildsMigrations = () => (folder ??= migrationNames());

class Timeout extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const notReady = (reason: string): TReadiness => ({ status: "not ready", reason });

/** The verdict and its HTTP status: 200 ready, 503 with the reason otherwise. */
export async function readiness(
  db: Db,
  { migrations = thisBuildsMigrations(), timeoutMs = DATABASE_TIMEOUT_MS } = {},
): Promise<{ httpStatus: 200 | 503; body: TReadiness }> {
  const body = await verdict(db, migrations, timeoutMs);
  return { httpStatus: body.status === "ready" ? 200 : 503, body };
}

async function verdict(db: Db, folderNames: Promise<string[]>, timeoutMs: number): Promise<TReadiness> {
  // Draining: the balancer stops sending while the requests in flight finish.
  if (shuttingDownSince()) return notReady("shutting down");
  let rows: AppliedMigrationRow[];
  let jobs: TJobsHeartbeat;
  try {
    [rows, jobs] = await within(
      Promise.all([db.$queryRawUnsafe<AppliedMigrationRow[]>(APPLIED_MIGRATIONS_SQL), jobsHeartbeat(db)]),
      timeoutMs,
    );
  } catch (error) {
    if (isMissingTable(error)) return notReady("the database has no migrations applied");
    return notReady(
      error instanceof Timeout ? `the database did not answer within ${timeoutMs} ms` : "the database is unreachable",
    );
  }
  const status = migrationStatus(
    rows,
    (await folderNames).map((name) => ({ name })),
  );
  if (status.failed.length) return notReady(`${formatCount(status.failed.length, "migration")} failed half-way`);
  if (status.pending.length)
    return notReady(`${formatCount(status.pending.length, "migration")} of this build not applied`);
  return {
    status: "ready",
    database: "reachable",
    migrations: {
      applied: rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).length,
      pending: 0,
      newer: status.unknown.length,
    },
    jobs,
  };
}
