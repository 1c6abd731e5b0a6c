import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { notifyAdmins, notifyPartner, notifyUser, type NotificationContent } from "@/lib/notifications/notify";
import { TICKET_STATUS_LABEL } from "./categories";
import { ticketPath } from "./load";

export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface TicketRef {
  id: string;
  partnerId: string;
  subject: string;
  status: TicketStatus;
  assigneeId: string | null;
}

/**
 * Moves a ticket from the status it was read in: of two people acting at once, the second is told
 * the ticket changed instead of silently overwriting the first.
 */
export async function moveTicket(
  tx: Tx,
  actor: Actor,
  ticket: TicketRef,
  to: TicketStatus,
  data: { resolvedAt?: Date; resolvedById?: string } = {},
) {
  if (ticket.status === to) return;
  const { count } = await tx.ticket.updateMany({
    where: { id: ticket.id, status: ticket.status },
    data: { status: to, statusChangedAt: new Date(), ...data },
  });
  if (count === 0)
    throw new AppError("CONFLICT", "Someone else changed this ticket meanwhile. Reload it to see what changed.");
  await tx.ticketMessage.create({
    data: {
      ticketId: ticket.id,
      authorId: actor.userId,
      kind: "EVENT",
      body: `Status changed to ${TICKET_STATUS_LABEL[to].toLowerCase()}.`,
    },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "ticket.status_changed",
    entityType: "Ticket",
    entityId: ticket.id,
    detail: { from: ticket.status, to },
  });
}

/**
 * Tells the other side: support's messages go to the partner's users; a partner's to the assigned
 * admin, or to every admin while nobody holds the ticket.
 */
export async function notifyOtherSide(
  tx: Tx,
  actor: Actor,
  ticket: TicketRef,
  content: Omit<NotificationContent, "link">,
) {
  if (actor.role === "ADMIN") {
    await notifyPartner(tx, ticket.partnerId, { ...content, event: "tickets", link: ticketPath(ticket.id, "partner") });
  } else if (ticket.assigneeId) {
    await notifyUser(tx, ticket.assigneeId, { ...content, event: "tickets", link: ticketPath(ticket.id, "support") });
  } else {
    await notifyAdmins(tx, { ...content, event: "tickets", link: ticketPath(ticket.id, "support") });
  }
}

/** The status a ticket takes when one side writes: it then waits for the other side. */
export function statusAfterMessage(actor: Actor, current: TicketStatus): TicketStatus {
  if (actor.role === "ADMIN") return current === "RESOLVED" ? "RESOLVED" : "WAITING_FOR_PARTNER";
  // A ticket support has not answered yet stays in the "open" tab however often the partner adds to it.
  return current === "OPEN" ? "OPEN" : "WAITING_FOR_SUPPORT";
}

export function assertOpenForMessages(status: TicketStatus) {
  if (status === "CLOSED") throw new AppError("CONFLICT", "This ticket is closed. Open a new ticket to continue.");
}
