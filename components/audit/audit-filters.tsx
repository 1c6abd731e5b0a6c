import { FilterActions, FilterPanel } from "@/components/ui/filter-panel";
import { Input } from "@/components/ui/input";
import { SelectFilter } from "@/components/ui/select-filter";
import type { TAuditFilters } from "@/lib/audit/list-audit";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-48";

/** A plain GET form: the filters live in the URL, so the CSV link and the pages carry them. */
export function AuditFilters({
  filters,
  actions,
  targets,
}: {
  filters: TAuditFilters;
  actions: [string, string][];
  /** Target types with their names in words. */
  targets: [string, string][];
}) {
  return (
    <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3">
      <FilterPanel
        activeCount={[filters.actor, filters.action, filters.target, filters.from, filters.to].filter(Boolean).length}
      >
        <label className={fieldClass}>
          Who
          <Input name="actor" type="search" defaultValue={filters.actor ?? ""} placeholder="Name or e-mail" />
        </label>
        <SelectFilter
          className={fieldClass}
          label="Action"
          name="action"
          value={filters.action}
          allLabel="Any action"
          options={actions.map(([value, label]) => ({ value, label }))}
        />
        <SelectFilter
          className={fieldClass}
          label="Target"
          name="target"
          value={filters.target}
          allLabel="Any target"
          options={targets.map(([value, label]) => ({ value, label }))}
        />
        <label className={fieldClass}>
          From
          <Input name="from" type="date" defaultValue={filters.from ?? ""} />
        </label>
        <label className={fieldClass}>
          To
          <Input name="to" type="date" defaultValue={filters.to ?? ""} />
        </label>
        <FilterActions clearHref={Object.values(filters).some(Boolean) ? "/admin/audit" : undefined} />
      </FilterPanel>
    </form>
  );
}
