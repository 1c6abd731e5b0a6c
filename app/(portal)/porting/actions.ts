"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { cancelPortingRequest } from "@/lib/porting/handle";
import { ZPortingStep } from "@/lib/porting/schemas";

export const cancelPortingAction = action(
  { permission: "porting.request", input: ZPortingStep },
  async (input, { actor, db }) => {
    await cancelPortingRequest(db, actor, input);
    revalidatePath(`/porting/${input.requestId}`);
  },
);
