"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";
import { requestOutboxEmailDelivery } from "@/lib/jobs/enqueue";
import { resendOutboxEmail } from "@/lib/mail/resend";

export const resendEmailAction = action(
  { permission: "jobs.manage", input: z.object({ outboxEmailId: ZId }) },
  async ({ outboxEmailId }, { actor, db }) => {
    await resendOutboxEmail(db, actor, outboxEmailId);
    await requestOutboxEmailDelivery(outboxEmailId);
    revalidatePath("/admin/outbox");
  },
);
