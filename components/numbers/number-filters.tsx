import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { NUMBER_TYPES, NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import { NUMBER_STATUSES, type TNumberSearch } from "@/lib/numbers/queries";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-44";
const SORT_LABEL: Record<TNumberSearch["sort"], string> = { number: "Number, ascending", "-number": "Number, descending", assigned: "Oldest first", "-assigned": "Newest first", pbx: "PBX name" };

/** A plain GET form: the filters live in the URL, so the CSV link and the pages carry them. */
export function NumberFilters({ search, pbxs, countries, clearHref }: { search: TNumberSearch; pbxs: { id: string; name: string }[]; countries: string[]; clearHref: string }) {
  return (
    <form method="get" role="search" aria-label="Filter the numbers" className="mb-4 flex flex-wrap items-end gap-3">
      <label className={fieldClass}>
        Number contains
        <Input name="q" type="search" inputMode="tel" defaultValue={search.q ?? ""} placeholder="e.g. 4930" />
      </label>
      <label className={fieldClass}>
        PBX
        <Select name="pbx" defaultValue={search.pbx ?? ""}>
          <option value="">Any PBX</option>
          {pbxs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Country
        <Select name="country" defaultValue={search.country ?? ""}>
          <option value="">Any country</option>
          {countries.map((c) => <option key={c} value={c}>{c}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Type
        <Select name="type" defaultValue={search.type ?? ""}>
          <option value="">Any type</option>
          {NUMBER_TYPES.map((t) => <option key={t} value={t}>{NUMBER_TYPE_LABEL[t]}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Status
        <Select name="status" defaultValue={search.status ?? ""}>
          <option value="">Any status</option>
          {NUMBER_STATUSES.map((s) => <option key={s} value={s}>{s[0] + s.slice(1).toLowerCase()}</option>)}
        </Select>
      </label>
      <label className={fieldClass}>
        Sort by
        <Select name="sort" defaultValue={search.sort}>
          {Object.entries(SORT_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </Select>
      </label>
      <Button type="submit" variant="secondary">Apply filters</Button>
      <Link href={clearHref} className="py-2 text-sm font-medium text-brand-700 hover:underline">Clear filters</Link>
    </form>
  );
}
