"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { UserFormOptions, UserRow } from "@/lib/users/queries";
import { USERS_PAGE_SIZE } from "@/lib/users/schemas";
import { accessLabel } from "./labels";
import { UserActions } from "./user-actions";

/**
 * One page of the list, by name: the pages are the server's, so the columns do not re-sort (a sort
 * would only reorder the rows of this page).
 */
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
      cell: (u) => accessLabel(u),
      className: "whitespace-nowrap",
    },
    ...(showPartner
      ? [
          {
            key: "partner",
            header: "Partner",
            cell: (u: UserRow) => u.partnerName ?? "—",
          },
        ]
      : []),
    {
      key: "customer",
      header: "Customer",
      cell: (u) => u.customerName ?? "—",
    },
    {
      key: "status",
      header: "Status",
      cell: (u) => (u.disabledAt ? <Badge variant="danger">Disabled</Badge> : <Badge variant="success">Active</Badge>),
    },
    {
      key: "lastSignIn",
      header: "Last sign-in",
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
      pageSize={USERS_PAGE_SIZE}
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
