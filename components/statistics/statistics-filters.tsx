import Form from "next/form";
import { useId } from "react";
import { FilterActions, FilterPanel } from "@/components/ui/filter-panel";
import { Input } from "@/components/ui/input";
import { SelectFilter } from "@/components/ui/select-filter";
import type { TFilterOptions } from "@/lib/cdr/statistics/filter-options";
import { activeFilterCount } from "@/lib/cdr/statistics/filters";
import { PeriodFields } from "./period-fields";

const fieldClass = "flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-44";
const DIRECTIONS = [
  { value: "INBOUND", label: "Incoming" },
  { value: "OUTBOUND", label: "Outgoing" },
];
const AREAS = [1, 2, 3, 4, 5, 6].map((a) => ({ value: String(a), label: `Area ${a}` }));
const named = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));
const FIELDS = ["preset", "from", "to", "partner", "customer", "pbx", "direction", "area", "number"];

/** The filters as the address gave them: the parsed values, or the raw text of a refused one. */
export type TFilterValues = Partial<Record<string, string | number | undefined>>;

/**
 * A GET form: the filters live in the URL, so a view can be shared and the CSV link carries them.
 * `next/form` applies it as a client-side navigation (no page reload). The schema's errors show
 * at their fields; on a phone the fields fold behind one "Filters" button.
 */
export function StatisticsFilters({
  values,
  errors = {},
  options,
  basePath,
}: {
  values: TFilterValues;
  errors?: Record<string, string[]>;
  options: TFilterOptions;
  basePath: string;
}) {
  const id = useId();
  const text = (key: string) => (values[key] === undefined ? "" : String(values[key]));
  const error = (key: string) => errors[key]?.join(" ");
  // One drop-down per filter: the address's value selected, the schema's error under it.
  const select = (name: string, label: string, allLabel: string, choices: { value: string; label: string }[]) => (
    <SelectFilter
      className={fieldClass}
      label={label}
      name={name}
      value={text(name)}
      allLabel={allLabel}
      options={choices}
      error={error(name)}
    />
  );
  // Refused parts of the address with no field of their own (an unknown key, a page number).
  const other = Object.entries(errors).filter(([key]) => !FIELDS.includes(key));
  return (
    <Form
      action={basePath}
      role="search"
      aria-label="Filter the statistics"
      className="mb-6 flex flex-wrap items-end gap-3"
    >
      <FilterPanel activeCount={activeFilterCount(values)} defaultOpen={Object.keys(errors).length > 0}>
        <PeriodFields
          preset={text("preset") || "this_month"}
          from={text("from")}
          to={text("to")}
          errors={{ preset: error("preset"), from: error("from"), to: error("to") }}
          fieldClass={fieldClass}
        />
        {options.partners.length > 0 && select("partner", "Partner", "All partners", named(options.partners))}
        {options.customers.length > 0 && select("customer", "Customer", "All customers", named(options.customers))}
        {select(
          "pbx",
          "PBX",
          "All PBXs",
          options.pbxs.map((p) => ({ value: p.id, label: `${p.name} (${p.customerName})` })),
        )}
        {select("direction", "Direction", "In and out", DIRECTIONS)}
        {select("area", "Area", "All areas", AREAS)}
        <div className={fieldClass}>
          <label htmlFor={`${id}-number`}>Number</label>
          <Input
            id={`${id}-number`}
            name="number"
            type="search"
            inputMode="tel"
            defaultValue={text("number")}
            placeholder="4989 or +4989…"
            aria-invalid={error("number") ? true : undefined}
            aria-describedby={`${id}-number-hint${error("number") ? ` ${id}-number-error` : ""}`}
          />
          <span id={`${id}-number-hint`} className="sr-only">
            Any part of the number, or its start with a plus sign
          </span>
          {error("number") && (
            <span id={`${id}-number-error`} className="text-danger-700">
              {error("number")}
            </span>
          )}
        </div>
        {other.length > 0 && (
          <p className="w-full text-sm font-medium text-danger-700">
            {other
              .map(([key, messages]) => `${key === "form" ? "The address" : key}: ${messages.join(" ")}`)
              .join(" · ")}
          </p>
        )}
        <FilterActions clearHref={basePath} />
      </FilterPanel>
    </Form>
  );
}
