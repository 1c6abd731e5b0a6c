import PgBoss from "pg-boss";

/** The queue's own tables live in this schema, created and upgraded by pg-boss, never by Prisma migrations. */
export const QUEUE_SCHEMA = "pgboss";

/**
 * A pg-boss instance on the portal's database. `work: false` makes a sender only (no maintenance,
 * no cron clock), for processes that enqueue but leave running jobs to a worker.
 */
export function createBoss(connectionString: string, { work = true, pollingIntervalSeconds = 2 } = {}) {
  const boss = new PgBoss({
    connectionString,
    schema: QUEUE_SCHEMA,
    max: 4,
    application_name: work ? "classound-worker" : "classound-web",
    supervise: work,
    schedule: work,
    migrate: work,
    pollingIntervalSeconds,
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  return boss;
}

export type Boss = PgBoss;
