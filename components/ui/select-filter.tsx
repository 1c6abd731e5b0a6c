import { useId } from "react";
import { cn } from "./cn";
import { Select } from "./select";

/**
 * One drop-down of a GET filter form: "all" first (unless there is no `allLabel`: a choice such as
 * the sort order always has a value), then the options; the form's submit applies it.
 * A `className` sizes the whole field for forms that lay their fields out themselves; the select then fills it.
 * An `error` (a hand-edited address the schema refused) shows under it and marks it invalid.
 */
export function SelectFilter({
  label,
  name,
  value,
  allLabel,
  options,
  className,
  error,
}: {
  label: string;
  name: string;
  value?: string;
  allLabel?: string;
  options: { value: string; label: string }[];
  className?: string;
  error?: string;
}) {
  const id = useId();
  return (
    <div className={cn("flex flex-col gap-1 text-sm font-medium text-foreground", className)}>
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className={className ? undefined : "w-64"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      {error && (
        <span id={`${id}-error`} className="font-medium text-danger-700">
          {error}
        </span>
      )}
    </div>
  );
}
