import { Select } from "./select";

/** One drop-down of a GET filter form: "all" first, then the options; the form's submit applies it. */
export function SelectFilter({ label, name, value, allLabel, options }: { label: string; name: string; value?: string; allLabel: string; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-foreground">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="w-64">
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    </label>
  );
}
