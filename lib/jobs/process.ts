import { readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient } from "@/lib/db/client";
import { smtpSender } from "@/lib/mail/transport";
import { listenForWebhookDeliveries } from "@/lib/webhooks/wake";
import { WEBHOOK_DISPATCH } from "@/lib/webhooks/jobs";
import { enqueueFromApp, shareJobSender } from "./enqueue";
import { startJobRunner } from "./runner";

/**
 * Starts this process's job workers (scripts/server.ts in-process, scripts/worker.ts alone), and
 * lends their pg-boss instance to the app's enqueuing. `stop` lets the jobs in hand finish
 * (or releases them at its deadline).
 */
export async function runWorkers(connectionString: string) {
  const env = readRuntimeEnv();
  const db = createPrismaClient(connectionString, 3);
  const runner = await startJobRunner({ connectionString, db, sendMail: smtpSender(env) });
  shareJobSender(runner.boss);
  // A committed webhook event starts its delivery at once, not at the dispatcher's next minute.
  const webhooks = await listenForWebhookDeliveries(connectionString, () =>
    enqueueFromApp(WEBHOOK_DISPATCH, {}).catch((error) =>
      console.error("[webhooks] could not wake the dispatcher", error),
    ),
  );
  /** Jobs in hand get up to `timeoutMs` to finish; the rest are released back to the queue. */
  const stop = async (timeoutMs?: number) => {
    await webhooks.stop();
    shareJobSender(null);
    await runner.stop(timeoutMs);
    await db.$disconnect();
  };
  return { stop };
}
