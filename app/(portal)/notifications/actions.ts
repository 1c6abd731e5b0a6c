"use server";

import { revalidatePath } from "next/cache";
import { action, ZNoInput } from "@/lib/http/action";
import { markNotificationsRead } from "@/lib/notifications/queries";

export const markAllNotificationsReadAction = action(
  { permission: "notifications.view", input: ZNoInput },
  async (_, { actor, db }) => {
    await markNotificationsRead(db, actor);
    revalidatePath("/notifications");
  },
);
