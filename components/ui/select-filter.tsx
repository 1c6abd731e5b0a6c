import { cn } from "./cn";
import { Select } from "./select";

/**
 * One drop-down of a GET filter form: "all" first, then the options; the form's submit applies it.
 * A `className` sizes the whole field for forms that lay their fields out themselves; the select then fills it.
 */
export function SelectFilter({
  label,
  name,
  value,
  allLabel,
  options,
  className,
}: {
  label: string;
  name: string;
  value?: string;
  allLabel: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <label className={cn("flex flex-col gap-1 text-sm font-medium text-foreground", className)}>
      {label}
      <Select name={name} defaultValue={value ?? ""} className={className ? undefined : "w-64"}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
