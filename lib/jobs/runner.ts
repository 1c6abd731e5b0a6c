import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { SendMail } from "@/lib/mail/transport";
import { createBoss, type Boss } from "./boss";
import type { JobContext, JobDefinition } from "./definition";
import { sendJob, shareWorkerWakeUp } from "./enqueue";
import { startHeartbeat } from "./heartbeat";
import { MAIL_SWEEP } from "./mail-jobs";
import { JOBS } from "./registry";

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
  for (const job of jobs) {
    const workerId = await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds }, async ([received]) => {
      try {
        return await job.run(context, job.parse(received.data));
      } finally {
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
  const stop = async () => {
    shareWorkerWakeUp(null);
    await heartbeat.stop();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  };
  return { boss, stop };
}
