import { readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient } from "@/lib/db/client";
import { smtpSender } from "@/lib/mail/transport";
import { shareJobSender } from "./enqueue";
import { startJobRunner } from "./runner";

/**
 * Starts this process's job workers (scripts/server.ts in-process, scripts/worker.ts alone), and
 * lends their pg-boss instance to the app's enqueuing. `stop` lets the jobs in hand finish.
 */
export async function runWorkers(connectionString: string) {
  const env = readRuntimeEnv();
  const db = createPrismaClient(connectionString, 3);
  const runner = await startJobRunner({ connectionString, db, sendMail: smtpSender(env) });
  shareJobSender(runner.boss);
  const stop = async () => {
    await runner.stop();
    await db.$disconnect();
  };
  return { stop };
}
