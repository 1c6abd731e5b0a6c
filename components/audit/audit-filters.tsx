import Link from "next/link";
import { Button } from "@/components/ui/button";
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
  targets: string[];
}) {
  return (
    <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3">
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
        options={targets.map((t) => ({ value: t, label: t }))}
      />
      <label className={fieldClass}>
        From
        <Input name="from" type="date" defaultValue={filters.from ?? ""} />
      </label>
      <label className={fieldClass}>
        To
        <Input name="to" type="date" defaultValue={filters.to ?? ""} />
      </label>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {Object.values(filters).some(Boolean) && (
        <Link href="/admin/audit" className="py-2 text-sm font-medium text-brand-700 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
