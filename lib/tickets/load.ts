import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** Partners use their tickets; support handles everyone's. End users hold neither permission. */
export const TICKET_READERS = ["tickets.use", "tickets.handle"] as const;

/** A ticket the actor may see, or NOT_FOUND: another partner's ticket looks exactly like a missing one. */
export async function loadTicket<T extends Prisma.TicketInclude>(
  db: Pick<Db, "ticket">,
  actor: Actor,
  ticketId: string,
  include?: T,
) {
  assertCanAny(actor, TICKET_READERS);
  const ticket = await db.ticket.findFirst({ where: { AND: [scope.tickets(actor), { id: ticketId }] }, include });
  if (!ticket) throw new AppError("NOT_FOUND", "This ticket does not exist.");
  return ticket as Prisma.TicketGetPayload<{ include: T }>;
}

/** Where each side reads a ticket. */
export function ticketPath(ticketId: string, side: "partner" | "support") {
  return side === "partner" ? `/tickets/${ticketId}` : `/admin/tickets/${ticketId}`;
}
