"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { completePortingRequest } from "@/lib/porting/complete";
import { rejectPortingRequest, schedulePortingRequest, startPortingRequest } from "@/lib/porting/handle";
import { ZPortingStep, ZRejectPorting, ZSchedulePorting } from "@/lib/porting/schemas";

// Scheduling, completion and rejection notify the partner by e-mail too: a worker sends it once committed.
async function refresh(requestId: string) {
  await requestMailDelivery();
  revalidatePath(`/admin/porting/${requestId}`);
  revalidatePath("/admin/porting");
}

export const startPortingAction = action(
  { permission: "porting.handle", input: ZPortingStep },
  async (input, { actor, db }) => {
    await startPortingRequest(db, actor, input);
    await refresh(input.requestId);
  },
);

export const schedulePortingAction = action(
  { permission: "porting.handle", input: ZSchedulePorting },
  async (input, { actor, db }) => {
    await schedulePortingRequest(db, actor, input);
    await refresh(input.requestId);
  },
);

export const completePortingAction = action(
  { permission: "porting.handle", input: ZPortingStep },
  async (input, { actor, db }) => {
    await completePortingRequest(db, actor, input);
    await refresh(input.requestId);
  },
);

export const rejectPortingAction = action(
  { permission: "porting.handle", input: ZRejectPorting },
  async (input, { actor, db }) => {
    await rejectPortingRequest(db, actor, input);
    await refresh(input.requestId);
  },
);
