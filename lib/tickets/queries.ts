import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TicketCategory, TicketStatus } from "@/lib/db/generated/enums";
import { TICKET_STATUSES } from "./categories";
import { loadTicket, TICKET_READERS } from "./load";
import { TICKETS_PAGE_SIZE } from "./search";

export interface TicketFilters {
  status?: TicketStatus;
  category?: TicketCategory;
  partnerId?: string;
  pbxId?: string;
  page?: number;
  pageSize?: number;
}

/**
 * A page of the tickets the actor may see, filtered, longest waiting first; with the total and the
 * counts per status for the tabs.
 */
export async function listTickets(db: Db, actor: Actor, filters: TicketFilters = {}) {
  assertCanAny(actor, TICKET_READERS);
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? TICKETS_PAGE_SIZE;
  // The scope and the filters are separate conditions: a filter can narrow the scope, never replace it.
  const narrowed: Prisma.TicketWhereInput[] = [scope.tickets(actor)];
  if (filters.category) narrowed.push({ category: filters.category });
  if (filters.partnerId) narrowed.push({ partnerId: filters.partnerId });
  if (filters.pbxId) narrowed.push({ pbxId: filters.pbxId });
  const where = { AND: [...narrowed, ...(filters.status ? [{ status: filters.status }] : [])] };
  const [tickets, total, grouped] = await Promise.all([
    db.ticket.findMany({
      where,
      orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        subject: true,
        category: true,
        status: true,
        statusChangedAt: true,
        createdAt: true,
        partner: { select: { name: true } },
        pbx: { select: { name: true } },
        assignee: { select: { name: true } },
      },
    }),
    db.ticket.count({ where }),
    db.ticket.groupBy({ by: ["status"], where: { AND: narrowed }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { tickets, counts, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
export type TicketListItem = Awaited<ReturnType<typeof listTickets>>["tickets"][number];

/** Everything a ticket page shows: the ticket, its numbers, and the thread with authors and files. */
export async function ticketDetail(db: Db, actor: Actor, ticketId: string) {
  const ticket = await loadTicket(db, actor, ticketId, {
    partner: { select: { name: true } },
    customer: { select: { name: true } },
    pbx: { select: { id: true, name: true, serial: true } },
    country: { select: { name: true } },
    assignee: { select: { id: true, name: true } },
    numbers: { select: { phoneNumber: { select: { id: true, e164: true, cnam: true } } } },
    messages: {
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { file: { select: { id: true, fileName: true, sizeBytes: true } } },
    },
  });
  const authorIds = [...new Set(ticket.messages.map((m) => m.authorId))];
  const authors = await db.user.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, name: true, role: true },
  });
  return { ticket, authors: Object.fromEntries(authors.map((a) => [a.id, a])) };
}
export type TicketDetail = Awaited<ReturnType<typeof ticketDetail>>;

/** The partners the queue can be filtered by, and the admins a ticket can be assigned to. */
export async function ticketQueueOptions(db: Db, actor: Actor) {
  assertCan(actor, "tickets.handle");
  const [partners, admins] = await Promise.all([
    db.partner.findMany({
      where: { AND: [scope.partners(actor), { tickets: { some: {} } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { role: "ADMIN", disabledAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { partners, admins };
}
