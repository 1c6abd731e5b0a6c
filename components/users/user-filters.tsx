"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { SelectFilter } from "@/components/ui/select-filter";
import { formatPageSummary } from "@/lib/format";
import type { TUserSearch, UserFormOptions } from "@/lib/users/queries";
import { ROLE_LABEL } from "./labels";

const STATUSES = [
  { value: "active", label: "Active" },
  { value: "disabled", label: "Disabled" },
];

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
      <FilterPanel
        activeCount={
          [filters.q, filters.partnerId, filters.customerId, filters.role, filters.status].filter(Boolean).length
        }
      >
        <FormField label="Name or e-mail" className="w-full sm:w-56">
          {(field) => <Input {...field} name="q" type="search" defaultValue={filters.q ?? ""} />}
        </FormField>
        {showPartner && (
          <SelectFilter
            className="w-full sm:w-56"
            label="Partner"
            name="partnerId"
            value={filters.partnerId}
            allLabel="All partners"
            options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <SelectFilter
          className="w-full sm:w-56"
          label="Customer"
          name="customerId"
          value={filters.customerId}
          allLabel="All customers"
          options={options.customers.map((c) => ({
            value: c.id,
            label: showPartner ? `${c.name} (${c.partnerName})` : c.name,
          }))}
        />
        <SelectFilter
          className="w-full sm:w-40"
          label="Role"
          name="role"
          value={filters.role}
          allLabel="All roles"
          options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        />
        <SelectFilter
          className="w-full sm:w-36"
          label="Status"
          name="status"
          value={filters.status}
          allLabel="Any status"
          options={STATUSES}
        />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          <Button asChild variant="ghost">
            <Link href="/users">Clear</Link>
          </Button>
        </div>
      </FilterPanel>
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
