"use server";

import { revalidatePath } from "next/cache";
import { actorWith } from "@/lib/auth/request-actor";
import { db } from "@/lib/db/client";
import { toActionResult } from "@/lib/http/action-result";
import { markNotificationsRead } from "@/lib/notifications/queries";

export async function markAllNotificationsReadAction() {
  return toActionResult(async () => {
    await markNotificationsRead(db(), await actorWith("notifications.view"));
    revalidatePath("/notifications");
  });
}
