import { unsafeSweepExpiredHolds } from "@/lib/numbers/holds";
import { unsafeDeleteExpiredIdempotencyKeys } from "@/lib/numbers/idempotency";
import { unsafeEndQuarantine } from "@/lib/numbers/release";
import { defineJob } from "./definition";

/** Expired 30-minute holds go every minute (an expired hold already counts for nothing; this tidies). */
export const numberHoldSweepJob = defineJob({
  name: "numbers-hold-sweep",
  queue: { policy: "short", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  schedule: "* * * * *",
  parse: () => ({}),
  run: ({ db, now }) => unsafeSweepExpiredHolds(db, now()),
});

/** Released numbers whose quarantine ended become AVAILABLE; idempotency keys past 24 hours are forgotten. */
export const numberQuarantineJob = defineJob({
  name: "numbers-quarantine-end",
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "15 * * * *",
  parse: () => ({}),
  async run({ db, now }) {
    return {
      available: await unsafeEndQuarantine(db, now()),
      keysForgotten: await unsafeDeleteExpiredIdempotencyKeys(db, now()),
    };
  },
});
