"use client";

import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ComplianceProfile, DocumentExpiry } from "@/lib/activations/compliance-profile";
import { formatDate } from "@/lib/format";

type Document = ComplianceProfile["documents"][number];

const EXPIRY_BADGE: Record<DocumentExpiry, { variant: "success" | "warning" | "danger"; label: string }> = {
  VALID: { variant: "success", label: "Valid" },
  EXPIRING: { variant: "warning", label: "Expires soon" },
  EXPIRED: { variant: "danger", label: "Expired" },
};

const columns: Column<Document>[] = [
  {
    key: "name",
    header: "Document",
    sortable: true,
    cell: (doc) => (
      <a
        className="font-medium text-brand-700 hover:underline"
        href={`/api/files/${doc.fileId}`}
        aria-label={`Download ${doc.name}`}
      >
        {doc.name}
      </a>
    ),
  },
  {
    key: "acceptedAt",
    header: "Accepted",
    sortable: true,
    className: "whitespace-nowrap",
    cell: (doc) => formatDate(doc.acceptedAt),
  },
  {
    key: "expiresAt",
    header: "Expires",
    sortable: true,
    className: "whitespace-nowrap",
    cell: (doc) => (doc.expiresAt ? formatDate(doc.expiresAt) : "Does not expire"),
  },
  {
    key: "expiry",
    header: "Status",
    cell: (doc) => <Badge variant={EXPIRY_BADGE[doc.expiry].variant}>{EXPIRY_BADGE[doc.expiry].label}</Badge>,
  },
];

export function ComplianceDocumentsTable({ customerName, documents }: { customerName: string; documents: Document[] }) {
  return (
    <DataTable
      caption={`Documents on file for ${customerName}`}
      columns={columns}
      rows={documents}
      getRowKey={(doc) => doc.id}
    />
  );
}
