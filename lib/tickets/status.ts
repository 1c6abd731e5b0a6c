import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { notifyUser } from "@/lib/notifications/notify";
import { loadTicket, ticketPath } from "./load";
import { carryOutTicket } from "./resolution";
import { ZAssignTicket, ZResolveTicket, ZTicketRef } from "./schemas";
import { assertOpenForMessages, moveTicket, notifyOtherSide } from "./thread";

/** The partner closes its ticket: final, whatever its status. */
export async function closeTicket(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "tickets.use");
  const { ticketId } = parseOrThrow(ZTicketRef, input);
  return db.$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, ticketId);
    assertOpenForMessages(ticket.status);
    await moveTicket(tx, actor, ticket, "CLOSED");
    await notifyOtherSide(tx, actor, ticket, {
      title: `Ticket closed: ${ticket.subject}`,
      body: `${actor.name} closed the ticket.`,
    });
  });
}

/**
 * Support resolves a ticket, and the portal carries out what it asked where it holds the data
 * (lib/tickets/resolution.ts), in the same transaction: resolved means done.
 */
export async function resolveTicket(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "tickets.handle");
  const { ticketId, note } = parseOrThrow(ZResolveTicket, input);
  return db.$transaction(
    async (tx) => {
      const ticket = await loadTicket(tx, actor, ticketId, { numbers: { select: { phoneNumberId: true } } });
      if (ticket.status === "RESOLVED" || ticket.status === "CLOSED")
        throw new AppError("CONFLICT", "This ticket is already resolved or closed.");
      const outcome = await carryOutTicket(tx, ticket, now);
      if (note) await tx.ticketMessage.create({ data: { ticketId: ticket.id, authorId: actor.userId, body: note } });
      await moveTicket(tx, actor, ticket, "RESOLVED", { resolvedAt: now, resolvedById: actor.userId });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "ticket.resolved",
        entityType: "Ticket",
        entityId: ticket.id,
        detail: { outcome },
      });
      await notifyOtherSide(tx, actor, ticket, {
        title: `Ticket resolved: ${ticket.subject}`,
        body: [outcome, note].filter(Boolean).join(" ") || "Support resolved the ticket.",
      });
      return outcome;
    },
    { timeout: 15_000 },
  );
}

/** Support hands a ticket to one admin (or back to the queue with null), who is notified. */
export async function assignTicket(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "tickets.handle");
  const { ticketId, assigneeId } = parseOrThrow(ZAssignTicket, input);
  return db.$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, ticketId);
    const assignee = assigneeId
      ? await tx.user.findFirst({
          where: { id: assigneeId, role: "ADMIN", disabledAt: null },
          select: { id: true, name: true },
        })
      : null;
    if (assigneeId && !assignee)
      throw new AppError("INVALID", "Choose an active admin.", { assigneeId: ["Choose an active admin."] });
    await tx.ticket.update({ where: { id: ticket.id }, data: { assigneeId } });
    await tx.ticketMessage.create({
      data: {
        ticketId: ticket.id,
        authorId: actor.userId,
        kind: "EVENT",
        body: assignee ? `Assigned to ${assignee.name}.` : "Returned to the queue.",
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "ticket.assigned",
      entityType: "Ticket",
      entityId: ticket.id,
      detail: { from: ticket.assigneeId, to: assigneeId },
    });
    if (assignee && assignee.id !== actor.userId) {
      await notifyUser(tx, assignee.id, {
        title: `Ticket assigned to you: ${ticket.subject}`,
        body: `${actor.name} assigned you the ticket.`,
        event: "tickets",
        link: ticketPath(ticket.id, "support"),
      });
    }
  });
}
