"use client";

import { Badge, DataTable, type BadgeVariant, type Column } from "@/components/ui";
import type { ShownChange } from "@/lib/pricing/price-changes-view";

const KIND: Record<ShownChange["kind"], { label: string; variant: BadgeVariant }> = {
  rose: { label: "Rose", variant: "warning" },
  fell: { label: "Fell", variant: "success" },
  appeared: { label: "New", variant: "info" },
  disappeared: { label: "Withdrawn", variant: "danger" },
};

type Row = ShownChange & { key: string };

const COLUMNS: Column<Row>[] = [
  {
    key: "kind",
    header: "Change",
    cell: (r) => <Badge variant={KIND[r.kind].variant}>{KIND[r.kind].label}</Badge>,
    sortable: true,
    sortValue: (r) => KIND[r.kind].label,
  },
  { key: "section", header: "Section", sortable: true },
  { key: "item", header: "Item", sortable: true, className: "min-w-48" },
  { key: "column", header: "Price", sortable: true },
  { key: "before", header: "Before", align: "right", cell: (r) => r.before ?? "—", className: "tabular-nums" },
  { key: "after", header: "After", align: "right", cell: (r) => r.after ?? "—", className: "tabular-nums" },
  {
    key: "difference",
    header: "Difference",
    align: "right",
    cell: (r) => r.difference ?? "—",
    className: "tabular-nums",
  },
];

/** Every price that rose, fell, appeared or disappeared between two versions (or in a workbook to publish). */
export function PriceChangesTable({ changes, caption }: { changes: ShownChange[]; caption: string }) {
  const rows = changes.map((change) => ({ ...change, key: `${change.section}|${change.item}|${change.column}` }));
  return (
    <DataTable
      caption={caption}
      columns={COLUMNS}
      rows={rows}
      getRowKey={(r) => r.key}
      empty={{ title: "No price changed", description: "Every price is the same in both versions." }}
    />
  );
}
