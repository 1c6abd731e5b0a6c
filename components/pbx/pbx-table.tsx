"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { StartActivationButton } from "@/components/activations/start-activation-button";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { StateInput } from "@/components/ui/state-input";
import type { PbxRow } from "@/lib/pbx/list-pbxs";
import { LICENSE_PLAN_LABEL, formatDate } from "@/lib/format";

const SERVICE_BADGE = {
  ACTIVE: { variant: "success", label: "Active" },
  SUSPENDED: { variant: "warning", label: "Suspended" },
  CANCELLED: { variant: "neutral", label: "Cancelled" },
  EXPIRED: { variant: "neutral", label: "Expired" },
} as const;

const STATUS_FILTERS = {
  all: "Any status",
  ACTIVE: "Active",
  OPEN_REQUEST: "Request open",
  AVAILABLE: "Can be activated",
  BLOCKED: "Cannot be activated",
} as const;
type StatusFilter = keyof typeof STATUS_FILTERS;

function ClassoundCell({ row, canActivate }: { row: PbxRow; canActivate: boolean }) {
  const badge = row.serviceStatus ? SERVICE_BADGE[row.serviceStatus as keyof typeof SERVICE_BADGE] : null;
  if (badge) return <Badge variant={badge.variant}>{badge.label}</Badge>;
  if (!canActivate) return <span className="text-muted-foreground">Not active</span>;
  if (row.activation === "AVAILABLE") return <StartActivationButton pbxId={row.id} pbxName={row.name} />;
  const text = row.activation === "OPEN_REQUEST" ? "Request open" : "Cannot be activated";
  return (
    <Link href={`/pbxs/${row.id}`} className="text-sm font-medium text-brand-700 hover:underline">
      {text}
      <span className="sr-only">: see {row.name}</span>
    </Link>
  );
}

/**
 * `canActivate`: the viewer may request CLASSOUND, so each inactive PBX offers the one next step:
 * the button when it can be activated, otherwise its PBX page, which gives the reason or the open request.
 * `filters`: search and filters above the table (the PBX list); dashboards show the table alone.
 * `customerId`: the customer filter to start with (a link from the customers page).
 */
export function PbxTable({
  rows,
  showPartner,
  canActivate,
  filters = false,
  customerId: initialCustomerId,
}: {
  rows: PbxRow[];
  showPartner: boolean;
  canActivate: boolean;
  filters?: boolean;
  customerId?: string;
}) {
  const [query, setQuery] = useState("");
  const [customerId, setCustomerId] = useState(() =>
    initialCustomerId && rows.some((r) => r.customerId === initialCustomerId) ? initialCustomerId : "all",
  );
  const [status, setStatus] = useState<StatusFilter>("all");
  const customers = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.customerId, r.customerName])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    [rows],
  );
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (!needle || r.name.toLowerCase().includes(needle) || r.serial.toLowerCase().includes(needle)) &&
        (customerId === "all" || r.customerId === customerId) &&
        (status === "all" || r.activation === status),
    );
  }, [rows, query, customerId, status]);

  const columns: Column<PbxRow>[] = [
    {
      key: "name",
      header: "PBX",
      sortable: true,
      sortValue: (r) => r.name,
      cell: (r) => (
        <div>
          <Link href={`/pbxs/${r.id}`} className="font-medium text-brand-700 hover:underline">
            {r.name}
          </Link>
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
    ...(showPartner
      ? [
          {
            key: "partner",
            header: "Partner",
            sortable: true,
            sortValue: (r: PbxRow) => r.partnerName,
            cell: (r: PbxRow) => r.partnerName,
          },
        ]
      : []),
    {
      key: "plan",
      header: "License",
      sortable: true,
      sortValue: (r) => r.licensePlan,
      cell: (r) => LICENSE_PLAN_LABEL[r.licensePlan],
    },
    {
      key: "users",
      header: "Users",
      align: "right",
      sortable: true,
      sortValue: (r) => r.userCount,
      cell: (r) => r.userCount,
    },
    {
      key: "version",
      header: "Version",
      sortable: true,
      sortValue: (r) => r.softwareVersion,
      cell: (r) => <span className="font-mono text-xs">{r.softwareVersion}</span>,
    },
    {
      key: "expiry",
      header: "Term expiry",
      className: "whitespace-nowrap",
      sortable: true,
      sortValue: (r) => r.termExpiry?.valueOf() ?? Number.MAX_SAFE_INTEGER,
      cell: (r) => formatDate(r.termExpiry),
    },
    {
      key: "service",
      header: "CLASSOUND",
      sortable: true,
      sortValue: (r) => r.serviceStatus ?? r.activation,
      cell: (r) => <ClassoundCell row={r} canActivate={canActivate} />,
    },
  ];
  return (
    <DataTable
      caption="PBXs"
      stackOnPhone
      columns={columns}
      rows={shown}
      getRowKey={(r) => r.id}
      toolbar={
        filters && rows.length > 0 ? (
          <div role="search" aria-label="Filter PBXs" className="flex w-full flex-wrap items-end gap-3">
            <FormField label="Search" className="w-full sm:w-64">
              {(field) => (
                <StateInput
                  {...field}
                  type="search"
                  value={query}
                  onValueChange={setQuery}
                  placeholder="Name or serial"
                />
              )}
            </FormField>
            {customers.length > 1 && (
              <FormField label="Customer" className="w-full sm:w-56">
                {(field) => (
                  <Select {...field} value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
                    <option value="all">All customers</option>
                    {customers.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            )}
            <FormField label="CLASSOUND" className="w-full sm:w-56">
              {(field) => (
                <Select {...field} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                  {Object.entries(STATUS_FILTERS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
        ) : undefined
      }
      empty={
        rows.length === 0
          ? { title: "No PBXs yet", description: "PBXs appear here once they are registered for your customers." }
          : { title: "No PBX matches", description: "Change the search or the filters." }
      }
    />
  );
}
