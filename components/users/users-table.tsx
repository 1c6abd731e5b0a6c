"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { UserFormOptions, UserRow } from "@/lib/users/queries";
import { accessLabel } from "./labels";
import { UserActions } from "./user-actions";

export function UsersTable({
  rows,
  options,
  showPartner,
  currentUserId,
  filtered,
  toolbar,
}: {
  rows: UserRow[];
  options: UserFormOptions;
  showPartner: boolean;
  currentUserId: string;
  filtered: boolean;
  toolbar: ReactNode;
}) {
  const columns: Column<UserRow>[] = [
    {
      key: "name",
      header: "Name",
      sortable: true,
      sortValue: (u) => u.name,
      cell: (u) => (
        <div className="min-w-40">
          <div className="font-medium">{u.name}</div>
          <div className="break-all text-xs text-muted-foreground">{u.email}</div>
        </div>
      ),
    },
    {
      key: "role",
      header: "Role",
      sortable: true,
      sortValue: (u) => accessLabel(u),
      cell: (u) => accessLabel(u),
      className: "whitespace-nowrap",
    },
    ...(showPartner
      ? [
          {
            key: "partner",
            header: "Partner",
            sortable: true,
            sortValue: (u: UserRow) => u.partnerName,
            cell: (u: UserRow) => u.partnerName ?? "—",
          },
        ]
      : []),
    {
      key: "customer",
      header: "Customer",
      sortable: true,
      sortValue: (u) => u.customerName,
      cell: (u) => u.customerName ?? "—",
    },
    {
      key: "status",
      header: "Status",
      sortable: true,
      sortValue: (u) => (u.disabledAt ? "disabled" : "active"),
      cell: (u) => (u.disabledAt ? <Badge variant="danger">Disabled</Badge> : <Badge variant="success">Active</Badge>),
    },
    {
      key: "lastSignIn",
      header: "Last sign-in",
      sortable: true,
      sortValue: (u) => u.lastSignInAt,
      cell: (u) => (u.lastSignInAt ? formatDate(u.lastSignInAt) : "Never"),
      className: "whitespace-nowrap",
    },
    {
      key: "actions",
      header: "Actions",
      cell: (u) => <UserActions user={u} options={options} isSelf={u.id === currentUserId} />,
    },
  ];
  return (
    <DataTable
      caption="Users"
      columns={columns}
      rows={rows}
      getRowKey={(u) => u.id}
      initialSort={{ key: "name", direction: "ascending" }}
      toolbar={toolbar}
      empty={
        filtered
          ? { title: "No users match these filters", description: "Clear a filter to see more users." }
          : {
              title: "No users yet",
              description: "Create a user with “New user”: they receive a link to choose their password.",
            }
      }
    />
  );
}
