"use client";

import Link from "next/link";
import { Select } from "@/components/ui/select";

interface QueueFiltersProps {
  status?: string;
  country?: string;
  partner?: string;
  countries: { code: string; name: string }[];
  partners: { id: string; name: string }[];
  clearHref?: string;
}

/** A GET form that applies as soon as a filter changes: the URL stays the state, so the back button and links work. */
export function QueueFilters({ status, country, partner, countries, partners, clearHref }: QueueFiltersProps) {
  const apply = (event: React.ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter requests">
      {status && <input type="hidden" name="status" value={status} />}
      <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-56">
        Country
        <Select name="country" defaultValue={country ?? ""} onChange={apply}>
          <option value="">All countries</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
        Partner
        <Select name="partner" defaultValue={partner ?? ""} onChange={apply}>
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </label>
      {clearHref && (
        <Link href={clearHref} className="py-2 text-sm font-medium text-brand-700 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
