import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TFilterOptions } from "@/lib/cdr/statistics/filter-options";
import { DATE_PRESET_LABEL, DATE_PRESETS, type TStatisticsFilters } from "@/lib/cdr/statistics/filters";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-44";

/** A plain GET form: the filters live in the URL, so a view can be shared and the CSV link carries them. */
export function StatisticsFilters({ filters, options, basePath }: { filters: Partial<TStatisticsFilters>; options: TFilterOptions; basePath: string }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter the statistics" className="mb-6 flex flex-wrap items-end gap-3">
      <label className={fieldClass}>
        Period
        <Select name="preset" defaultValue={filters.preset ?? "this_month"}>
          {DATE_PRESETS.map((p) => <option key={p} value={p}>{DATE_PRESET_LABEL[p]}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        From (custom)
        <Input name="from" type="date" defaultValue={filters.from ?? ""} />
      </label>
      <label className={fieldClass}>
        To (custom)
        <Input name="to" type="date" defaultValue={filters.to ?? ""} />
      </label>
      {options.partners.length > 0 && (
        <label className={fieldClass}>
          Partner
          <Select name="partner" defaultValue={filters.partner ?? ""}>
            <option value="">All partners</option>
            {options.partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </label>
      )}
      {options.customers.length > 0 && (
        <label className={fieldClass}>
          Customer
          <Select name="customer" defaultValue={filters.customer ?? ""}>
            <option value="">All customers</option>
            {options.customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </label>
      )}
      <label className={fieldClass}>
        PBX
        <Select name="pbx" defaultValue={filters.pbx ?? ""}>
          <option value="">All PBXs</option>
          {options.pbxs.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.customerName})</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Direction
        <Select name="direction" defaultValue={filters.direction ?? ""}>
          <option value="">In and out</option>
          <option value="INBOUND">Incoming</option>
          <option value="OUTBOUND">Outgoing</option>
        </Select>
      </label>
      <label className={fieldClass}>
        Area
        <Select name="area" defaultValue={filters.area?.toString() ?? ""}>
          <option value="">All areas</option>
          {[1, 2, 3, 4, 5, 6].map((a) => <option key={a} value={a}>Area {a}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Number
        <Input name="number" type="search" inputMode="tel" defaultValue={filters.number ?? ""} placeholder="+4989123456" />
      </label>
      <Button type="submit" variant="secondary">Apply filters</Button>
      <Link href={basePath} className="py-2 text-sm font-medium text-brand-700 hover:underline">Clear filters</Link>
    </form>
  );
}
