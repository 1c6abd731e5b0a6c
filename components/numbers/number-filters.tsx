import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
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
      <label className={fieldClass}>
        Number contains
        <Input name="q" type="search" inputMode="tel" defaultValue={search.q ?? ""} placeholder="e.g. 4930" />
      </label>
      <SelectFilter label="PBX" name="pbx" value={search.pbx} any="Any PBX" options={pbxs.map((p) => [p.id, p.name])} />
      <SelectFilter
        label="Country"
        name="country"
        value={search.country}
        any="Any country"
        options={countries.map((c) => [c, c])}
      />
      <SelectFilter
        label="Type"
        name="type"
        value={search.type}
        any="Any type"
        options={NUMBER_TYPES.map((t) => [t, NUMBER_TYPE_LABEL[t]])}
      />
      <SelectFilter
        label="Status"
        name="status"
        value={search.status}
        any="Any status"
        options={NUMBER_STATUSES.map((st) => [st, st[0] + st.slice(1).toLowerCase()])}
      />
      <SelectFilter label="Sort by" name="sort" value={search.sort} options={Object.entries(SORT_LABEL)} />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      <Link href={clearHref} className="py-2 text-sm font-medium text-brand-700 hover:underline">
        Clear filters
      </Link>
    </form>
  );
}

function SelectFilter({
  label,
  name,
  value,
  any,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  any?: string;
  options: [string, string][];
}) {
  return (
    <label className={fieldClass}>
      {label}
      <Select name={name} defaultValue={value ?? ""}>
        {any && <option value="">{any}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </label>
  );
}
