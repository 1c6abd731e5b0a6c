"use server";

import { revalidatePath } from "next/cache";
import { requestRerate, ZRerateRequest } from "@/lib/cdr/rating/unrated";
import { action } from "@/lib/http/action";
import { requestRerateJob } from "@/lib/jobs/enqueue";

/** Re-rates one partner's month on the job queue (counted as expensive work: 429 past the limits). */
export const rerateAction = action(
  { permission: "cdr.import", input: ZRerateRequest },
  async (input, { actor, db }) => {
    await requestRerateJob(await requestRerate(db, actor, input));
    revalidatePath("/admin/rating");
  },
);
