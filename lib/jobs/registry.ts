import type { JobDefinition } from "./definition";
import { complianceExpiryJob } from "./compliance-expiry";
import { mailSendJob, mailSweepJob } from "./mail-jobs";
import { priceListNoticesJob } from "./price-list-notices";

/** Every background job the worker runs. Add a job here and it gets its queue, schedule and worker. */
export const JOBS: readonly JobDefinition<object>[] = [mailSendJob, mailSweepJob, complianceExpiryJob, priceListNoticesJob] as JobDefinition<object>[];
