import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { SendMail } from "@/lib/mail/transport";
import { log } from "@/lib/log/logger";
import { QUEUE_SCHEMA, createBoss, type Boss } from "./boss";
import type { JobContext, JobDefinition } from "./definition";
import { sendJob, shareWorkerWakeUp } from "./enqueue";
import { startHeartbeat } from "./heartbeat";
import { MAIL_SWEEP } from "./mail-jobs";
import { JOBS } from "./registry";

/** How long a job released at shutdown waits: longer than the stopping process takes to exit. */
const RELEASE_DELAY_SECONDS = 3;

export interface JobRunnerOptions {
  connectionString: string;
  db: Db;
  sendMail: SendMail | null;
  jobs?: readonly JobDefinition<object>[];
  pollingIntervalSeconds?: number;
  now?: () => Date;
}

/**
 * Enqueues from inside a job and wakes the queue's worker in this process, so a chain of jobs (an
 * import's rating, the rating's roll-ups) runs on without waiting for the next poll.
 */
function enqueueWith(boss: Boss, workerIds: ReadonlyMap<string, string>): JobContext["enqueue"] {
  return async (name, data, key, afterSeconds) => {
    await sendJob(boss, name, data, key, afterSeconds);
    const workerId = workerIds.get(name);
    if (workerId) boss.notifyWorker(workerId);
  };
}

/**
 * Creates missing queues and brings options and schedules up to date; every instance does it at
 * start. Instances starting together take turns: pg-boss's queue creation (a partition per queue)
 * deadlocks when two run it at once, which the two-instance test showed.
 */
export async function installQueues(
  connectionString: string,
  boss: Boss,
  jobs: readonly JobDefinition<object>[] = JOBS,
) {
  const lock = new pg.Client({ connectionString });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('classound.jobs.install'))");
    for (const job of jobs) {
      const queue = { name: job.name, ...job.queue };
      if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queue);
      else await boss.createQueue(job.name, queue);
      if (job.schedule) await boss.schedule(job.name, job.schedule, {}, { tz: "UTC" });
    }
  } finally {
    // Ending the session releases the lock, even when installation failed.
    await lock.end();
  }
}

/**
 * Starts the workers of every job on one database. Any number of runners may share it (one per app
 * instance): pg-boss hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED).
 */
export async function startJobRunner({
  connectionString,
  db,
  sendMail,
  jobs = JOBS,
  pollingIntervalSeconds = 2,
  now = () => new Date(),
}: JobRunnerOptions) {
  const boss = createBoss(connectionString, { pollingIntervalSeconds });
  await boss.start();
  await installQueues(connectionString, boss, jobs);
  const workerIds = new Map<string, string>();
  const context: JobContext = { db, enqueue: enqueueWith(boss, workerIds), sendMail, now };
  // The jobs this runner holds (id → queue), for a stop to release the ones it could not finish.
  const inHand = new Map<string, string>();
  for (const job of jobs) {
    const workerId = await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds }, async ([received]) => {
      inHand.set(received.id, job.name);
      try {
        return await job.run(context, job.parse(received.data));
      } finally {
        inHand.delete(received.id);
        // A worker that found a job asks for the next one at once: pg-boss otherwise waits out its
        // polling interval after every job, and ten queued rating jobs spent 20 s waiting alone.
        boss.notifyWorker(workerIds.get(job.name)!);
      }
    });
    workerIds.set(job.name, workerId);
  }
  shareWorkerWakeUp((queue) => {
    const workerId = workerIds.get(queue);
    if (workerId) boss.notifyWorker(workerId);
  });
  // Whatever was left pending while no worker ran (a restart, an outage) leaves now, not in an hour.
  await boss.send(MAIL_SWEEP, {});
  // Beats once the workers are registered: /admin/jobs and waiting figures read it as "jobs will run".
  const heartbeat = await startHeartbeat(db);
  /**
   * Takes no new job, lets the jobs in hand finish for up to `timeoutMs`, and releases those still
   * running back to the queue (decision 0079): another runner takes them, with no retry spent.
   */
  const stop = async (timeoutMs = 10_000) => {
    shareWorkerWakeUp(null);
    await heartbeat.stop();
    await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    try {
      if (inHand.size) await releaseJobs(boss, inHand);
    } finally {
      await (boss.getDb() as unknown as { close: () => Promise<void> }).close();
    }
  };
  return { boss, stop };
}

/**
 * Puts jobs a stopping runner still held back in the queue. pg-boss failed them on its way down
 * ("pg-boss shut down while active"): a retry spent, after the queue's retry delay, or none left and
 * failed for good, for a job that did nothing wrong. Released, they wait a few seconds (this process
 * exits meanwhile, cutting the old run, whose transactions roll back) and count no retry: a fetch
 * counts one only for a job with a start recorded. One job at a time, so one that cannot move (a
 * stately queue already holding a retry) leaves the others released.
 */
export async function releaseJobs(boss: Boss, jobs: ReadonlyMap<string, string>) {
  for (const [id, queue] of jobs) {
    await boss
      .getDb()
      .executeSql(
        `UPDATE ${QUEUE_SCHEMA}.job SET state = 'retry', started_on = NULL, completed_on = NULL, output = NULL,
           start_after = now() + interval '${RELEASE_DELAY_SECONDS} seconds'
         WHERE name = $1 AND id = $2 AND state IN ('retry', 'failed')`,
        [queue, id],
      )
      .catch((error: unknown) => log.error("job not released at shutdown", { queue, jobId: id, error }));
  }
}
