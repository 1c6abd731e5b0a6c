import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import type { SendMail } from "@/lib/mail/transport";

export interface JobContext {
  db: Db;
  /**
   * Adds a job; `key` makes it one queued job per key (the queue's policy decides how strictly).
   * `afterSeconds` delays it: the requests of that time then share the one job waiting.
   */
  enqueue(name: string, data: object, key?: string, afterSeconds?: number): Promise<void>;
  /** Null when SMTP_URL is not set: mail then waits in the outbox. */
  sendMail: SendMail | null;
  now(): Date;
}

/**
 * A background job. `run` must be idempotent: pg-boss delivers at least once (a crash after the
 * work and before the acknowledgement runs it again), so running twice must equal running once.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Retries with exponential backoff, then the job waits as "failed" on /admin/jobs. */
  queue: Omit<PgBoss.Queue, "name">;
  /** Cron expression (UTC) for scheduled jobs. */
  schedule?: string;
  /** Parses the job's data (jobs outlive deploys: data written by older code must still parse or fail loudly). */
  parse(data: unknown): T;
  run(context: JobContext, data: T): Promise<unknown>;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
