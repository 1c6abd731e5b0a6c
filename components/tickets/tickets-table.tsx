"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDate, formatWaiting } from "@/lib/format";
import { TICKET_CATEGORY_LABEL } from "@/lib/tickets/categories";
import { TICKETS_PAGE_SIZE } from "@/lib/tickets/search";
import { TicketStatusBadge } from "./status-badge";
import type { TicketRow } from "./ticket-rows";

interface TicketsTableProps {
  rows: TicketRow[];
  hrefBase: string;
  caption: string;
  /** The support queue: which partner, who holds it, and how long it has waited. */
  isQueue?: boolean;
}

/**
 * One page of the list, in the server's order (longest waiting first): the pages are the server's,
 * so the columns do not re-sort (a sort would only reorder the rows of this page).
 */
export function TicketsTable({ rows, hrefBase, caption, isQueue = false }: TicketsTableProps) {
  const columns: Column<TicketRow>[] = [
    {
      key: "subject",
      header: "Subject",
      cell: (r) => (
        <Link href={`${hrefBase}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.subject}
        </Link>
      ),
    },
    {
      key: "category",
      header: "Category",
      cell: (r) => TICKET_CATEGORY_LABEL[r.category],
    },
    ...(isQueue
      ? [
          {
            key: "partner",
            header: "Partner",
            cell: (r: TicketRow) => r.partnerName,
          },
        ]
      : []),
    { key: "pbx", header: "PBX", cell: (r) => r.pbxName ?? "—" },
    {
      key: "status",
      header: "Status",
      cell: (r) => <TicketStatusBadge status={r.status} />,
    },
    ...(isQueue
      ? [
          {
            key: "assignee",
            header: "Assignee",
            cell: (r: TicketRow) => r.assigneeName ?? "Unassigned",
          },
          {
            key: "waiting",
            header: "Waiting",
            align: "right" as const,
            cell: (r: TicketRow) => formatWaiting(r.statusChangedAt),
          },
        ]
      : [
          {
            key: "opened",
            header: "Opened",
            align: "right" as const,
            cell: (r: TicketRow) => formatDate(r.createdAt),
          },
        ]),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      pageSize={TICKETS_PAGE_SIZE}
      getRowKey={(r) => r.id}
      empty={{
        title: "No tickets",
        description: isQueue ? "Nothing matches these filters." : "Tickets you open appear here.",
      }}
    />
  );
}
