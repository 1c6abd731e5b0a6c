"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ActivationCandidate } from "@/lib/activations/queries";
import { LICENSE_PLAN_LABEL, formatDate } from "@/lib/format";
import { StartActivationButton } from "./start-activation-button";

function Action({ pbx, canStart }: { pbx: ActivationCandidate; canStart: boolean }) {
  if (pbx.serviceStatus === "ACTIVE")
    return <Badge variant="success">Active until {formatDate(pbx.serviceExpiresAt)}</Badge>;
  if (pbx.openRequest) {
    return (
      <Link href={`/activations/${pbx.openRequest.id}`} className="text-sm font-medium text-brand-700 hover:underline">
        Open request
      </Link>
    );
  }
  if (pbx.reasons.length) {
    return (
      <ul className="space-y-0.5 text-sm text-danger-700">
        {pbx.reasons.map((r) => (
          <li key={r.code}>{r.message}</li>
        ))}
      </ul>
    );
  }
  if (!canStart)
    return <span className="text-sm text-muted-foreground">Read-only while the agreement is suspended</span>;
  return <StartActivationButton pbxId={pbx.id} pbxName={pbx.name} />;
}

/** `canStart` is false while the partner's agreement is suspended (R9): the table stays, its buttons go. */
export function CandidatesTable({ rows, canStart }: { rows: ActivationCandidate[]; canStart: boolean }) {
  const columns: Column<ActivationCandidate>[] = [
    {
      key: "pbx",
      header: "PBX",
      sortable: true,
      sortValue: (r) => r.name,
      cell: (r) => (
        <div>
          <p className="font-medium text-foreground">{r.name}</p>
          <p className="font-mono text-xs text-muted-foreground">{r.serial}</p>
        </div>
      ),
    },
    {
      key: "customer",
      header: "Customer",
      sortable: true,
      sortValue: (r) => r.customerName,
      cell: (r) => r.customerName,
    },
    {
      key: "plan",
      header: "License",
      sortable: true,
      sortValue: (r) => r.licensePlan,
      cell: (r) => LICENSE_PLAN_LABEL[r.licensePlan],
    },
    { key: "version", header: "Version", cell: (r) => <span className="font-mono text-xs">{r.softwareVersion}</span> },
    {
      key: "expiry",
      header: "Term expiry",
      sortable: true,
      sortValue: (r) => r.termExpiry,
      cell: (r) => formatDate(r.termExpiry),
    },
    { key: "action", header: "CLASSOUND", className: "w-80", cell: (r) => <Action pbx={r} canStart={canStart} /> },
  ];
  return (
    <DataTable
      caption="PBXs and their CLASSOUND eligibility"
      stackOnPhone
      columns={columns}
      rows={rows}
      getRowKey={(r) => r.id}
      empty={{ title: "No PBXs", description: "Your customers have no PBXs registered yet." }}
    />
  );
}
