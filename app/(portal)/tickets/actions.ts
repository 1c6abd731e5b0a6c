"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { deliverOutboxLater } from "@/lib/mail";
import { openTicket } from "@/lib/tickets/open-ticket";
import { replyToTicket } from "@/lib/tickets/reply";
import { ZOpenTicket, ZTicketRef, ZTicketReply } from "@/lib/tickets/schemas";
import { closeTicket } from "@/lib/tickets/status";

// Every change notifies the other side by e-mail too; it leaves once the response is sent.
export const openTicketAction = action({ permission: "tickets.use", input: ZOpenTicket }, async (input, { actor, db }) => {
  const ticket = await openTicket(db, actor, input);
  deliverOutboxLater(db);
  if (ticket.pbxId) revalidatePath(`/pbxs/${ticket.pbxId}`);
  return { id: ticket.id };
});

export const replyAction = action({ permission: "tickets.use", input: ZTicketReply }, async (input, { actor, db }) => {
  await replyToTicket(db, actor, input);
  deliverOutboxLater(db);
  revalidatePath(`/tickets/${input.ticketId}`);
});

export const closeAction = action({ permission: "tickets.use", input: ZTicketRef }, async (input, { actor, db }) => {
  await closeTicket(db, actor, input);
  deliverOutboxLater(db);
  revalidatePath(`/tickets/${input.ticketId}`);
});
