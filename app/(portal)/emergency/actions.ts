"use server";

import { revalidatePath } from "next/cache";
import { assignSite } from "@/lib/emergency/assign";
import { registerNumbers } from "@/lib/emergency/registration";
import { ZAssignSite, ZCreateSite, ZRegisterNumbers, ZUpdateSite } from "@/lib/emergency/schemas";
import { createSite, updateSite } from "@/lib/emergency/sites";
import { action } from "@/lib/http/action";

// The lib functions parse their input again: they are called from the CSV import and tests too.
export const createSiteAction = action(
  { permission: "emergency.edit", input: ZCreateSite },
  async (input, { actor, db }) => {
    const site = await createSite(db, actor, input);
    revalidatePath("/emergency");
    return { id: site.id };
  },
);

export const updateSiteAction = action(
  { permission: "emergency.edit", input: ZUpdateSite },
  async (input, { actor, db }) => {
    await updateSite(db, actor, input);
    revalidatePath("/emergency");
  },
);

export const assignSiteAction = action(
  { permission: "emergency.edit", input: ZAssignSite },
  async (input, { actor, db }) => {
    const result = await assignSite(db, actor, input);
    revalidatePath("/emergency");
    return result;
  },
);

export const registerNumbersAction = action(
  { permission: "emergency.register", input: ZRegisterNumbers },
  async (input, { actor, db }) => {
    const result = await registerNumbers(db, actor, input);
    revalidatePath("/admin/emergency");
    return result;
  },
);
