import type { Actor } from "@/lib/auth/actor";
import { assertCanAny } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { storeFileWith } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { loadTicket, TICKET_READERS } from "./load";
import { ZTicketReply } from "./schemas";
import { assertOpenForMessages, moveTicket, notifyOtherSide, statusAfterMessage, type Tx } from "./thread";

async function addMessage(tx: Tx, actor: Actor, ticketId: string, message: { body: string; fileId?: string }) {
  const ticket = await loadTicket(tx, actor, ticketId);
  assertOpenForMessages(ticket.status);
  const created = await tx.ticketMessage.create({
    data: { ticketId: ticket.id, authorId: actor.userId, body: message.body, fileId: message.fileId },
  });
  const status = statusAfterMessage(actor, ticket.status);
  await moveTicket(tx, actor, ticket, status);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "ticket.replied",
    entityType: "Ticket",
    entityId: ticket.id,
    detail: { messageId: created.id, fileId: message.fileId ?? null },
  });
  await notifyOtherSide(tx, actor, ticket, {
    title: `${actor.role === "ADMIN" ? "Support answered" : "New reply"}: ${ticket.subject}`,
    body: message.fileId ? `${actor.name} attached a file. ${message.body}` : message.body.slice(0, 500),
  });
  // Support's replies reach the partner's systems (webhook "ticket.replied"); its own replies came from there.
  if (actor.role === "ADMIN")
    await emitWebhookEvent(tx, ticket.partnerId, "ticket.replied", {
      id: ticket.id,
      subject: ticket.subject,
      status,
      messageId: created.id,
      body: message.body,
      fileId: message.fileId ?? null,
      repliedAt: created.createdAt.toISOString(),
    });
  return created;
}

/** A reply from either side; the ticket then waits for the other side, who is notified. */
export async function replyToTicket(db: Db, actor: Actor, input: unknown) {
  assertCanAny(actor, TICKET_READERS);
  const { ticketId, body } = parseOrThrow(ZTicketReply, input);
  return db.$transaction((tx) => addMessage(tx, actor, ticketId, { body }));
}

export interface AttachToTicketInput {
  ticketId: string;
  bytes: Uint8Array;
  fileName: string;
}

/**
 * A file added to the thread, with the checks activation documents get (content type by magic
 * bytes, size). It belongs to the ticket's partner, so both sides can read it and nobody else.
 */
export async function attachToTicket(db: Db, actor: Actor, input: AttachToTicketInput, driver?: StorageDriver) {
  assertCanAny(actor, TICKET_READERS);
  const ticket = await loadTicket(db, actor, input.ticketId);
  assertOpenForMessages(ticket.status);
  return storeFileWith(
    db,
    { bytes: input.bytes, fileName: input.fileName, partnerId: ticket.partnerId, uploadedById: actor.userId },
    (tx, file) => addMessage(tx, actor, ticket.id, { body: `Attached ${file.fileName}.`, fileId: file.id }),
    driver,
  );
}
