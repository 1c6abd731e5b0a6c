"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { formatPageSummary } from "@/lib/format";
import type { TUserSearch, UserFormOptions } from "@/lib/users/queries";
import { ROLE_LABEL } from "./labels";

// A plain GET form: filters live in the URL (shareable, back button works) and nothing changes
// until the user asks, so a screen reader user is never moved by picking an option.
export function UserFilters({
  filters,
  options,
  showPartner,
}: {
  filters: TUserSearch;
  options: UserFormOptions;
  showPartner: boolean;
}) {
  const roles = options.canGrantAdmin
    ? (["ADMIN", "PARTNER", "END_USER"] as const)
    : (["PARTNER", "END_USER"] as const);
  return (
    <form
      method="get"
      action="/users"
      role="search"
      aria-label="Filter users"
      className="flex w-full flex-wrap items-end gap-3"
    >
      <FormField label="Name or e-mail" className="w-full sm:w-56">
        {(field) => <Input {...field} name="q" type="search" defaultValue={filters.q ?? ""} />}
      </FormField>
      {showPartner && (
        <FormField label="Partner" className="w-full sm:w-56">
          {(field) => (
            <Select {...field} name="partnerId" defaultValue={filters.partnerId ?? ""}>
              <option value="">All partners</option>
              {options.partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      <FormField label="Customer" className="w-full sm:w-56">
        {(field) => (
          <Select {...field} name="customerId" defaultValue={filters.customerId ?? ""}>
            <option value="">All customers</option>
            {options.customers.map((c) => (
              <option key={c.id} value={c.id}>
                {showPartner ? `${c.name} (${c.partnerName})` : c.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Role" className="w-full sm:w-40">
        {(field) => (
          <Select {...field} name="role" defaultValue={filters.role ?? ""}>
            <option value="">All roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Status" className="w-full sm:w-36">
        {(field) => (
          <Select {...field} name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </Select>
        )}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Button asChild variant="ghost">
          <Link href="/users">Clear</Link>
        </Button>
      </div>
    </form>
  );
}

/** The pages of the list, as links that keep the filters. */
export function UsersPager({
  filters,
  listing,
}: {
  filters: TUserSearch;
  listing: { total: number; page: number; pageCount: number };
}) {
  const { total, page, pageCount } = listing;
  const hrefOf = (p: number) =>
    `/users?${new URLSearchParams(Object.entries({ ...filters, page: String(p) }).filter(([, v]) => v) as [string, string][])}`;
  return (
    <Pagination
      summary={formatPageSummary(total, "user", page, pageCount)}
      page={page}
      pageCount={pageCount}
      hrefOf={hrefOf}
    />
  );
}
