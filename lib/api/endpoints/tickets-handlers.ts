import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { TICKET_READERS } from "@/lib/tickets/load";
import { openTicket } from "@/lib/tickets/open-ticket";
import { ticketDetail, type TicketDetail } from "@/lib/tickets/queries";
import { attachToTicket, replyToTicket } from "@/lib/tickets/reply";
import { closeTicket } from "@/lib/tickets/status";
import { afterCreated, createdKey, pageFrom } from "../cursor";
import { besideFileField } from "./file-refusal";
import { personOf } from "./people";
import type {
  attachToTicketEndpoint,
  listTicketsEndpoint,
  openTicketEndpoint,
  replyToTicketEndpoint,
  ZApiTicket,
  ZApiTicketDetail,
} from "./tickets";

type TicketRow = Pick<
  TicketDetail["ticket"],
  "id" | "subject" | "category" | "status" | "customerId" | "pbxId" | "createdAt" | "statusChangedAt" | "resolvedAt"
> & { assignee: { name: string } | null };

function toApiTicket(row: TicketRow): z.output<typeof ZApiTicket> {
  return {
    id: row.id,
    subject: row.subject,
    category: row.category,
    status: row.status,
    customerId: row.customerId,
    pbxId: row.pbxId,
    assigneeName: row.assignee?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

export async function ticketsPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listTicketsEndpoint.query>>,
) {
  assertCanAny(actor, TICKET_READERS);
  // The scope and the filters are separate conditions: a filter narrows the scope, never replaces it.
  const where: Prisma.TicketWhereInput[] = [scope.tickets(actor), afterCreated(query.cursor)];
  if (query.status) where.push({ status: query.status });
  if (query.category) where.push({ category: query.category });
  if (query.pbxId) where.push({ pbxId: query.pbxId });
  if (query.q) where.push({ subject: containsText(query.q) });
  const rows = await db.ticket.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      subject: true,
      category: true,
      status: true,
      customerId: true,
      pbxId: true,
      createdAt: true,
      statusChangedAt: true,
      resolvedAt: true,
      assignee: { select: { name: true } },
    },
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiTicket) };
}

/** The partner's ticket page as data: the portal's own query, so the thread is exactly what that page shows. */
export async function apiTicket(db: Db, actor: Actor, id: string): Promise<z.output<typeof ZApiTicketDetail>> {
  const { ticket, authors } = await ticketDetail(db, actor, id);
  return {
    ...toApiTicket(ticket),
    numbers: ticket.numbers.map(({ phoneNumber }) => ({ id: phoneNumber.id, e164: phoneNumber.e164 })),
    callerName: ticket.callerName,
    senderName: ticket.senderName,
    countryCode: ticket.countryCode,
    messages: ticket.messages.map((message) => ({
      id: message.id,
      kind: message.kind,
      body: message.body,
      author: personOf(authors[message.authorId]),
      file: message.file,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}

// Every change notifies the other side by e-mail too, as from the portal's pages: a worker is asked
// to send it once the change has committed.

export async function openApiTicket(db: Db, actor: Actor, body: z.output<NonNullable<typeof openTicketEndpoint.body>>) {
  const ticket = await openTicket(db, actor, body);
  await requestMailDelivery();
  return apiTicket(db, actor, ticket.id);
}

/** A message as the thread shows it once written. */
async function apiMessage(db: Db, actor: Actor, ticketId: string, messageId: string) {
  await requestMailDelivery();
  return (await apiTicket(db, actor, ticketId)).messages.find((message) => message.id === messageId)!;
}

export async function replyToApiTicket(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<NonNullable<typeof replyToTicketEndpoint.body>>,
) {
  const created = await replyToTicket(db, actor, { ticketId: id, body: body.body });
  return apiMessage(db, actor, id, created.id);
}

export async function attachToApiTicket(
  db: Db,
  actor: Actor,
  id: string,
  { file }: z.output<NonNullable<typeof attachToTicketEndpoint.body>>,
) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const created = await attachToTicket(db, actor, { ticketId: id, bytes, fileName: file.name }).catch(
    besideFileField("file"),
  );
  return apiMessage(db, actor, id, created.id);
}

export async function closeApiTicket(db: Db, actor: Actor, id: string) {
  await closeTicket(db, actor, { ticketId: id });
  await requestMailDelivery();
  return apiTicket(db, actor, id);
}
