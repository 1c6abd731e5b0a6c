import type { TicketCategory, TicketStatus } from "@/lib/db/generated/enums";

export interface TicketRow {
  id: string;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  statusChangedAt: Date;
  createdAt: Date;
  partnerName: string;
  pbxName: string | null;
  assigneeName: string | null;
}

/** Rows for the table from lib/tickets' list. */
export function toTicketRows(
  tickets: {
    id: string;
    subject: string;
    category: TicketCategory;
    status: TicketStatus;
    statusChangedAt: Date;
    createdAt: Date;
    partner: { name: string };
    pbx: { name: string } | null;
    assignee: { name: string } | null;
  }[],
): TicketRow[] {
  return tickets.map((t) => ({
    id: t.id,
    subject: t.subject,
    category: t.category,
    status: t.status,
    statusChangedAt: t.statusChangedAt,
    createdAt: t.createdAt,
    partnerName: t.partner.name,
    pbxName: t.pbx?.name ?? null,
    assigneeName: t.assignee?.name ?? null,
  }));
}
