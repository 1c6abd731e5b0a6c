"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { cancelJob, retryFailedJob } from "@/lib/jobs/admin";
import { ZJobRef } from "@/lib/jobs/schemas";

export const retryJobAction = action({ permission: "jobs.manage", input: ZJobRef }, async (input, { actor, db }) => {
  await retryFailedJob(db, actor, input);
  revalidatePath("/admin/jobs");
});

export const cancelJobAction = action({ permission: "jobs.manage", input: ZJobRef }, async (input, { actor, db }) => {
  await cancelJob(db, actor, input);
  revalidatePath("/admin/jobs");
});
