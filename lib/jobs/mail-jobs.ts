import { z } from "zod";
import { MAX_DELIVERY_ATTEMPTS, unsafeDeliverOutboxEmail, unsafeDueOutboxIds } from "@/lib/mail/delivery";
import { defineJob } from "./definition";

export const MAIL_SEND = "mail-send";
export const MAIL_SWEEP = "mail-sweep";

/** One outbox row to SMTP; keyed by the row, so the queue holds at most one waiting job per mail. */
export const mailSendJob = defineJob({
  name: MAIL_SEND,
  queue: {
    policy: "stately",
    retryLimit: MAX_DELIVERY_ATTEMPTS - 1,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
  },
  parse: (data) => z.object({ outboxEmailId: z.string().min(1) }).parse(data),
  async run({ db, sendMail, now }, { outboxEmailId }) {
    if (!sendMail) return "smtp not configured";
    return unsafeDeliverOutboxEmail(db, outboxEmailId, sendMail, now);
  },
});

/**
 * Hands every due outbox row to its own send job: after actions that wrote mail, at worker start
 * and hourly, so nothing pending (or left by a crashed sender) waits for the next user action.
 */
export const mailSweepJob = defineJob({
  name: MAIL_SWEEP,
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  schedule: "0 * * * *",
  parse: () => ({}),
  async run({ db, enqueue, sendMail, now }) {
    if (!sendMail) return 0;
    const ids = await unsafeDueOutboxIds(db, now());
    for (const outboxEmailId of ids) await enqueue(MAIL_SEND, { outboxEmailId }, outboxEmailId);
    return ids.length;
  },
});
