"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { registerPbx } from "@/lib/pbx/register";
import { ZRegisterPbx } from "@/lib/pbx/schemas";

export const registerPbxAction = action(
  { permission: "pbx.manage", input: ZRegisterPbx },
  async (input, { actor, db }) => {
    const pbx = await registerPbx(db, actor, input);
    revalidatePath("/pbxs");
    return { id: pbx.id };
  },
);
