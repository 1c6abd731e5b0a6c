import { defineJob } from "@/lib/jobs/definition";
import { MAIL_SWEEP } from "@/lib/jobs/mail-jobs";
import { unsafeDispatchWebhooks, unsafePruneWebhookHistory } from "./dispatch";
import { configuredNetwork } from "./url-policy";

export const WEBHOOK_DISPATCH = "webhook-dispatch";

/**
 * Sends the due webhook deliveries: every minute (retries come due on their own), and at once when
 * a change commits one (wake.ts). "stately": one run at a time, one more waiting, so an event that
 * commits while a run ends is never left for the next minute. Retries are the deliveries' own
 * (outcome.ts), not the queue's: the queue retries only a run that failed as a whole.
 */
export const webhookDispatchJob = defineJob({
  name: WEBHOOK_DISPATCH,
  queue: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  schedule: "* * * * *",
  parse: () => ({}),
  async run({ db, enqueue, now }) {
    const result = await unsafeDispatchWebhooks(db, { now, network: configuredNetwork() });
    if (result.turnedOff) await enqueue(MAIL_SWEEP, {});
    await unsafePruneWebhookHistory(db, now());
    return result;
  },
});
