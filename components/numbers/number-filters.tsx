import { FilterActions, FilterPanel } from "@/components/ui/filter-panel";
import { Input } from "@/components/ui/input";
import { SelectFilter } from "@/components/ui/select-filter";
import { NUMBER_TYPES, NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { NUMBER_STATUSES, type TNumberSearch } from "@/lib/numbers/queries";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-44";
const SORT_LABEL: Record<TNumberSearch["sort"], string> = {
  number: "Number, ascending",
  "-number": "Number, descending",
  assigned: "Oldest first",
  "-assigned": "Newest first",
  pbx: "PBX name",
};

/** A plain GET form: the filters live in the URL, so the CSV link and the pages carry them. */
export function NumberFilters({
  search,
  pbxs,
  countries,
  clearHref,
}: {
  search: TNumberSearch;
  pbxs: { id: string; name: string }[];
  countries: string[];
  clearHref: string;
}) {
  return (
    <form method="get" role="search" aria-label="Filter the numbers" className="mb-4 flex flex-wrap items-end gap-3">
      <FilterPanel
        activeCount={[search.q, search.pbx, search.country, search.type, search.status].filter(Boolean).length}
      >
        <label className={fieldClass}>
          Number contains
          <Input name="q" type="search" inputMode="tel" defaultValue={search.q ?? ""} placeholder="e.g. 4930" />
        </label>
        <SelectFilter
          className={fieldClass}
          label="PBX"
          name="pbx"
          value={search.pbx}
          allLabel="Any PBX"
          options={pbxs.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectFilter
          className={fieldClass}
          label="Country"
          name="country"
          value={search.country}
          allLabel="Any country"
          options={countries.map((c) => ({ value: c, label: c }))}
        />
        <SelectFilter
          className={fieldClass}
          label="Type"
          name="type"
          value={search.type}
          allLabel="Any type"
          options={NUMBER_TYPES.map((t) => ({ value: t, label: NUMBER_TYPE_LABEL[t] }))}
        />
        <SelectFilter
          className={fieldClass}
          label="Status"
          name="status"
          value={search.status}
          allLabel="Any status"
          options={NUMBER_STATUSES.map((st) => ({ value: st, label: st[0] + st.slice(1).toLowerCase() }))}
        />
        <SelectFilter
          className={fieldClass}
          label="Sort by"
          name="sort"
          value={search.sort}
          options={Object.entries(SORT_LABEL).map(([value, label]) => ({ value, label }))}
        />
        <FilterActions clearHref={clearHref} />
      </FilterPanel>
    </form>
  );
}
