"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { cancelServiceAtTermEnd, withdrawCancellation, ZServiceTerm } from "@/lib/pbx/cancel-service";

export const cancelServiceAction = action(
  { permission: "pbx.manage", input: ZServiceTerm },
  async (input, { actor, db }) => {
    const { endsAt } = await cancelServiceAtTermEnd(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`, "layout");
    return { endsAt: endsAt.toISOString() };
  },
);

export const withdrawCancellationAction = action(
  { permission: "pbx.manage", input: ZServiceTerm },
  async (input, { actor, db }) => {
    const { endsAt } = await withdrawCancellation(db, actor, input);
    revalidatePath(`/pbxs/${input.pbxId}`, "layout");
    return { endsAt: endsAt.toISOString() };
  },
);
