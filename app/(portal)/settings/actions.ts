"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { ZMailPreferences, saveMailPreferences } from "@/lib/notifications/mail-preferences";

export const saveMailPreferencesAction = action(
  { permission: "notifications.view", input: ZMailPreferences },
  async (input, { actor, db }) => {
    await saveMailPreferences(db, actor, input);
    revalidatePath("/settings");
  },
);
