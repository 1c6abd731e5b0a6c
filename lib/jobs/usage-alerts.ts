import { z } from "zod";
import { unsafeEvaluateUsageAlerts } from "@/lib/cdr/alerts/evaluate";
import { defineJob } from "./definition";
import { MAIL_SWEEP } from "./mail-jobs";

export const USAGE_ALERTS = "usage-alerts";

/**
 * Usage alerts of a month (the current one when none is given), after the roll-ups changed: an
 * import enqueues it for the months it touched, and it runs hourly so the current month never waits.
 */
export const usageAlertsJob = defineJob({
  name: USAGE_ALERTS,
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "20 * * * *",
  parse: (data) => z.object({ month: z.iso.date().optional() }).parse(data),
  async run({ db, enqueue, now }, { month }) {
    const sent = await unsafeEvaluateUsageAlerts(db, month ? new Date(month) : now());
    if (sent) await enqueue(MAIL_SWEEP, {});
    return sent;
  },
});
