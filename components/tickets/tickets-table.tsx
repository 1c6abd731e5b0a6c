"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDate, formatWaiting } from "@/lib/format";
import { TICKET_CATEGORY_LABEL } from "@/lib/tickets/categories";
import { TicketStatusBadge } from "./status-badge";
import type { TicketRow } from "./ticket-rows";

interface TicketsTableProps {
  rows: TicketRow[];
  hrefBase: string;
  caption: string;
  /** The support queue: which partner, who holds it, and how long it has waited. */
  isQueue?: boolean;
}

export function TicketsTable({ rows, hrefBase, caption, isQueue = false }: TicketsTableProps) {
  const columns: Column<TicketRow>[] = [
    {
      key: "subject",
      header: "Subject",
      sortable: true,
      sortValue: (r) => r.subject,
      cell: (r) => (
        <Link href={`${hrefBase}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.subject}
        </Link>
      ),
    },
    {
      key: "category",
      header: "Category",
      sortable: true,
      sortValue: (r) => TICKET_CATEGORY_LABEL[r.category],
      cell: (r) => TICKET_CATEGORY_LABEL[r.category],
    },
    ...(isQueue
      ? [
          {
            key: "partner",
            header: "Partner",
            sortable: true,
            sortValue: (r: TicketRow) => r.partnerName,
            cell: (r: TicketRow) => r.partnerName,
          },
        ]
      : []),
    { key: "pbx", header: "PBX", sortable: true, sortValue: (r) => r.pbxName ?? "", cell: (r) => r.pbxName ?? "—" },
    {
      key: "status",
      header: "Status",
      sortable: true,
      sortValue: (r) => r.status,
      cell: (r) => <TicketStatusBadge status={r.status} />,
    },
    ...(isQueue
      ? [
          {
            key: "assignee",
            header: "Assignee",
            sortable: true,
            sortValue: (r: TicketRow) => r.assigneeName ?? "",
            cell: (r: TicketRow) => r.assigneeName ?? "Unassigned",
          },
          {
            key: "waiting",
            header: "Waiting",
            sortable: true,
            align: "right" as const,
            sortValue: (r: TicketRow) => -new Date(r.statusChangedAt).getTime(),
            cell: (r: TicketRow) => formatWaiting(r.statusChangedAt),
          },
        ]
      : [
          {
            key: "opened",
            header: "Opened",
            sortable: true,
            align: "right" as const,
            sortValue: (r: TicketRow) => r.createdAt,
            cell: (r: TicketRow) => formatDate(r.createdAt),
          },
        ]),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      getRowKey={(r) => r.id}
      empty={{
        title: "No tickets",
        description: isQueue ? "Nothing matches these filters." : "Tickets you open appear here.",
      }}
    />
  );
}
