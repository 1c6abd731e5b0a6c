"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { replyToTicket } from "@/lib/tickets/reply";
import { ZAssignTicket, ZResolveTicket, ZTicketReply } from "@/lib/tickets/schemas";
import { assignTicket, resolveTicket } from "@/lib/tickets/status";

function refresh(ticketId: string) {
  revalidatePath(`/admin/tickets/${ticketId}`);
  revalidatePath("/admin/tickets");
}

export const supportReplyAction = action(
  { permission: "tickets.handle", input: ZTicketReply },
  async (input, { actor, db }) => {
    await replyToTicket(db, actor, input);
    await requestMailDelivery();
    refresh(input.ticketId);
  },
);

export const assignAction = action(
  { permission: "tickets.handle", input: ZAssignTicket },
  async (input, { actor, db }) => {
    await assignTicket(db, actor, input);
    await requestMailDelivery();
    refresh(input.ticketId);
  },
);

export const resolveAction = action(
  { permission: "tickets.handle", input: ZResolveTicket },
  async (input, { actor, db }) => {
    const outcome = await resolveTicket(db, actor, input);
    await requestMailDelivery();
    refresh(input.ticketId);
    return { outcome };
  },
);
