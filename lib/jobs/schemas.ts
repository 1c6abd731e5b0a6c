import { z } from "zod";
import { JOBS } from "./registry";

export const JOB_NAMES = JOBS.map((job) => job.name) as [string, ...string[]];

/** A job as pg-boss names it: its queue and its UUID. */
export const ZJobRef = z.object({ queue: z.enum(JOB_NAMES), jobId: z.uuid() });
export type TJobRef = z.infer<typeof ZJobRef>;
