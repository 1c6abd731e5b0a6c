import type { Metadata } from "next";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UserFilters, UsersPager } from "@/components/users/user-filters";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listUsers, userFormOptions, ZUserSearch } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

// One page for operator admins (every account) and partner admins (their colleagues and their
// customers' end users): the scope in lib/users decides which rows and choices each one gets.
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("users.manage");
  const { page, ...filters } = ZUserSearch.parse(await searchParams);
  const [listing, options] = await Promise.all([
    listUsers(db(), actor, { ...filters, page }),
    userFormOptions(db(), actor),
  ]);
  const showPartner = can(actor, "partners.view_all");
  return (
    <>
      <PageHeader
        title="Users"
        description={
          showPartner
            ? "Every account: operator admins, partner users and end users."
            : "Your colleagues and your customers' end users."
        }
        actions={<CreateUserDialog options={options} />}
      />
      <UsersTable
        rows={listing.rows}
        options={options}
        showPartner={showPartner}
        currentUserId={actor.userId}
        filtered={Object.values(filters).some(Boolean)}
        toolbar={<UserFilters filters={filters} options={options} showPartner={showPartner} />}
      />
      <UsersPager filters={filters} listing={listing} />
    </>
  );
}
