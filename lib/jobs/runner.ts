import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { SendMail } from "@/lib/mail/transport";
import { createBoss, type Boss } from "./boss";
import type { JobContext, JobDefinition } from "./definition";
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

export function enqueueWith(boss: Boss): JobContext["enqueue"] {
  return async (name, data, key) => {
    await boss.send(name, data, key ? { singletonKey: key } : {});
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
  const context: JobContext = { db, enqueue: enqueueWith(boss), sendMail, now };
  for (const job of jobs) {
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds }, async ([received]) =>
      job.run(context, job.parse(received.data)),
    );
  }
  // Whatever was left pending while no worker ran (a restart, an outage) leaves now, not in an hour.
  await boss.send(MAIL_SWEEP, {});
  // Beats once the workers are registered: /admin/jobs and waiting figures read it as "jobs will run".
  const heartbeat = await startHeartbeat(db);
  const stop = async () => {
    await heartbeat.stop();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  };
  return { boss, stop };
}
