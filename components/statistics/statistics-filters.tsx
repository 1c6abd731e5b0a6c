import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SelectFilter } from "@/components/ui/select-filter";
import type { TFilterOptions } from "@/lib/cdr/statistics/filter-options";
import { DATE_PRESET_LABEL, DATE_PRESETS, type TStatisticsFilters } from "@/lib/cdr/statistics/filters";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-44";
const AREAS = [1, 2, 3, 4, 5, 6].map((a) => ({ value: String(a), label: `Area ${a}` }));
const named = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));

/** A plain GET form: the filters live in the URL, so a view can be shared and the CSV link carries them. */
export function StatisticsFilters({
  filters,
  options,
  basePath,
}: {
  filters: Partial<TStatisticsFilters>;
  options: TFilterOptions;
  basePath: string;
}) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter the statistics"
      className="mb-6 flex flex-wrap items-end gap-3"
    >
      <label className={fieldClass}>
        Period
        <Select name="preset" defaultValue={filters.preset ?? "this_month"}>
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {DATE_PRESET_LABEL[p]}
            </option>
          ))}
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
        <SelectFilter
          className={fieldClass}
          label="Partner"
          name="partner"
          value={filters.partner}
          allLabel="All partners"
          options={named(options.partners)}
        />
      )}
      {options.customers.length > 0 && (
        <SelectFilter
          className={fieldClass}
          label="Customer"
          name="customer"
          value={filters.customer}
          allLabel="All customers"
          options={named(options.customers)}
        />
      )}
      <SelectFilter
        className={fieldClass}
        label="PBX"
        name="pbx"
        value={filters.pbx}
        allLabel="All PBXs"
        options={options.pbxs.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` }))}
      />
      <label className={fieldClass}>
        Direction
        <Select name="direction" defaultValue={filters.direction ?? ""}>
          <option value="">In and out</option>
          <option value="INBOUND">Incoming</option>
          <option value="OUTBOUND">Outgoing</option>
        </Select>
      </label>
      <SelectFilter
        className={fieldClass}
        label="Area"
        name="area"
        value={filters.area?.toString()}
        allLabel="All areas"
        options={AREAS}
      />
      <label className={fieldClass}>
        Number
        <Input
          name="number"
          type="search"
          inputMode="tel"
          defaultValue={filters.number ?? ""}
          placeholder="+4989123456"
        />
      </label>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      <Link href={basePath} className="py-2 text-sm font-medium text-brand-700 hover:underline">
        Clear filters
      </Link>
    </form>
  );
}
