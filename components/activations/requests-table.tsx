"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ActivationStatus } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/format";
import { ActivationStatusBadge } from "./status-badge";

export interface RequestRow {
  id: string;
  status: ActivationStatus;
  pbxName: string;
  pbxSerial: string;
  customerName: string;
  partnerName: string;
  countryName: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

export function RequestsTable({
  rows,
  hrefBase,
  showPartner,
  caption,
}: {
  rows: RequestRow[];
  hrefBase: string;
  showPartner: boolean;
  caption: string;
}) {
  const columns: Column<RequestRow>[] = [
    {
      key: "pbx",
      header: "PBX",
      sortable: true,
      sortValue: (r) => r.pbxName,
      cell: (r) => (
        <Link href={`${hrefBase}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.pbxName} <span className="whitespace-nowrap font-mono text-xs text-muted-foreground">{r.pbxSerial}</span>
        </Link>
      ),
    },
    {
      key: "customer",
      header: "Customer",
      sortable: true,
      sortValue: (r) => r.customerName,
      cell: (r) => r.customerName,
    },
    ...(showPartner
      ? [
          {
            key: "partner",
            header: "Partner",
            sortable: true,
            sortValue: (r: RequestRow) => r.partnerName,
            cell: (r: RequestRow) => r.partnerName,
          },
        ]
      : []),
    { key: "country", header: "Country", sortable: true, sortValue: (r) => r.countryName, cell: (r) => r.countryName },
    {
      key: "status",
      header: "Status",
      sortable: true,
      sortValue: (r) => r.status,
      cell: (r) => <ActivationStatusBadge status={r.status} />,
    },
    {
      key: "submitted",
      header: "Submitted",
      sortable: true,
      sortValue: (r) => r.submittedAt,
      cell: (r) => formatDate(r.submittedAt),
    },
    {
      key: "updated",
      header: "Last change",
      sortable: true,
      sortValue: (r) => r.updatedAt,
      cell: (r) => formatDate(r.updatedAt),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      getRowKey={(r) => r.id}
      empty={{ title: "No activation requests", description: "Requests appear here once they are started." }}
    />
  );
}
