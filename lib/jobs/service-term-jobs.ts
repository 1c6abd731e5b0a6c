import {
  unsafeEndExpiredServices,
  unsafeQuarantineEndedServicesNumbers,
  unsafeWarnExpiringServices,
} from "@/lib/pbx/term-ends";
import { defineJob } from "./definition";
import { MAIL_SWEEP } from "./mail-jobs";

/**
 * Ends of CLASSOUND terms (decision 0056): services past their expiry end, the partners of those
 * ending in 30 or 7 days are warned, and the numbers of services ended a grace period ago go to
 * quarantine. Each step is idempotent on its own. Hourly rather than daily, so a service ends within
 * the hour of its expiry, on its expiry day in every partner's time zone.
 */
export const serviceTermEndsJob = defineJob({
  name: "service-term-ends",
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  schedule: "25 * * * *",
  parse: () => ({}),
  async run({ db, enqueue, now }) {
    const at = now();
    // Ended first: a service past its expiry is never warned that it will end.
    const ended = await unsafeEndExpiredServices(db, at);
    const warned = await unsafeWarnExpiringServices(db, at);
    const quarantined = await unsafeQuarantineEndedServicesNumbers(db, at);
    if (warned) await enqueue(MAIL_SWEEP, {});
    return { ended, warned, quarantined };
  },
});
