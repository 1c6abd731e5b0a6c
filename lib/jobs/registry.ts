import type { JobDefinition } from "./definition";
import { mailSendJob, mailSweepJob } from "./mail-jobs";

/** Every background job the worker runs. Add a job here and it gets its queue, schedule and worker. */
export const JOBS: readonly JobDefinition<object>[] = [mailSendJob, mailSweepJob] as JobDefinition<object>[];
