"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { PbxRow } from "@/lib/pbx/list-pbxs";
import { LICENSE_PLAN_LABEL, formatDate } from "@/lib/format";

const SERVICE_BADGE = {
  ACTIVE: { variant: "success", label: "Active" },
  SUSPENDED: { variant: "warning", label: "Suspended" },
  CANCELLED: { variant: "neutral", label: "Cancelled" },
} as const;

/** `canActivate`: the viewer may request CLASSOUND, so an inactive PBX links to the activations page, which says whether it can be activated. */
export function PbxTable({ rows, showPartner, canActivate }: { rows: PbxRow[]; showPartner: boolean; canActivate: boolean }) {
  const columns: Column<PbxRow>[] = [
    { key: "name", header: "PBX", sortable: true, sortValue: (r) => r.name, cell: (r) => (
      <div>
        <p className="font-medium text-foreground">{r.name}</p>
        <p className="font-mono text-xs text-muted-foreground">{r.serial}</p>
      </div>
    ) },
    { key: "customer", header: "Customer", sortable: true, sortValue: (r) => r.customerName, cell: (r) => r.customerName },
    ...(showPartner
      ? [{ key: "partner", header: "Partner", sortable: true, sortValue: (r: PbxRow) => r.partnerName, cell: (r: PbxRow) => r.partnerName }]
      : []),
    { key: "plan", header: "License", sortable: true, sortValue: (r) => r.licensePlan, cell: (r) => LICENSE_PLAN_LABEL[r.licensePlan] },
    { key: "users", header: "Users", align: "right", sortable: true, sortValue: (r) => r.userCount, cell: (r) => r.userCount },
    { key: "version", header: "Version", sortable: true, sortValue: (r) => r.softwareVersion, cell: (r) => <span className="font-mono text-xs">{r.softwareVersion}</span> },
    { key: "expiry", header: "Term expiry", sortable: true, sortValue: (r) => r.termExpiry?.valueOf() ?? Number.MAX_SAFE_INTEGER, cell: (r) => formatDate(r.termExpiry) },
    { key: "service", header: "CLASSOUND", sortable: true, sortValue: (r) => r.serviceStatus ?? "", cell: (r) => {
      const badge = r.serviceStatus ? SERVICE_BADGE[r.serviceStatus as keyof typeof SERVICE_BADGE] : null;
      if (badge) return <Badge variant={badge.variant}>{badge.label}</Badge>;
      if (!canActivate) return <span className="text-muted-foreground">Not active</span>;
      return (
        <Link href={`/activations?pbx=${r.id}#pbxs-heading`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`Activate CLASSOUND on ${r.name}`}>
          Not active · Activate…
        </Link>
      );
    } },
  ];
  return (
    <DataTable
      caption="PBXs"
      columns={columns}
      rows={rows}
      getRowKey={(r) => r.id}
      empty={{ title: "No PBXs yet", description: "PBXs appear here once they are registered for your customers." }}
    />
  );
}
