"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { openTicket } from "@/lib/tickets/open-ticket";
import { replyToTicket } from "@/lib/tickets/reply";
import { ZOpenTicket, ZTicketRef, ZTicketReply } from "@/lib/tickets/schemas";
import { closeTicket } from "@/lib/tickets/status";

// Every change notifies the other side by e-mail too; a worker sends it once the transaction has committed.
export const openTicketAction = action(
  { permission: "tickets.use", input: ZOpenTicket },
  async (input, { actor, db }) => {
    const ticket = await openTicket(db, actor, input);
    await requestMailDelivery();
    if (ticket.pbxId) revalidatePath(`/pbxs/${ticket.pbxId}`);
    return { id: ticket.id };
  },
);

export const replyAction = action({ permission: "tickets.use", input: ZTicketReply }, async (input, { actor, db }) => {
  await replyToTicket(db, actor, input);
  await requestMailDelivery();
  revalidatePath(`/tickets/${input.ticketId}`);
});

export const closeAction = action({ permission: "tickets.use", input: ZTicketRef }, async (input, { actor, db }) => {
  await closeTicket(db, actor, input);
  await requestMailDelivery();
  revalidatePath(`/tickets/${input.ticketId}`);
});
