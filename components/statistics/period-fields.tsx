"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DATE_PRESET_LABEL, DATE_PRESETS } from "@/lib/cdr/statistics/presets";

type Errors = Partial<Record<"preset" | "from" | "to", string>>;

/**
 * The period and its custom dates, kept consistent as they are edited: typing a date chooses
 * "Custom", choosing another period empties the dates (the schema would otherwise read the dates
 * as a custom range). An error from the schema shows under its date.
 */
export function PeriodFields({
  preset,
  from,
  to,
  errors,
  fieldClass,
}: {
  preset: string;
  from: string;
  to: string;
  errors: Errors;
  fieldClass: string;
}) {
  const [period, setPeriod] = useState(preset);
  const [dates, setDates] = useState({ from, to });
  const id = useId();
  const setDate = (key: "from" | "to", value: string) => {
    setDates((d) => ({ ...d, [key]: value }));
    if (value) setPeriod("custom");
  };
  const described = (key: keyof Errors) =>
    errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}` } : {};
  const message = (key: keyof Errors) =>
    errors[key] && (
      <span id={`${id}-${key}`} className="font-medium text-danger-700">
        {errors[key]}
      </span>
    );
  return (
    <>
      <div className={fieldClass}>
        <label htmlFor={`${id}-preset-field`}>Period</label>
        <Select
          id={`${id}-preset-field`}
          name="preset"
          value={period}
          onChange={(e) => {
            setPeriod(e.target.value);
            if (e.target.value !== "custom") setDates({ from: "", to: "" });
          }}
          {...described("preset")}
        >
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {DATE_PRESET_LABEL[p]}
            </option>
          ))}
        </Select>
        {message("preset")}
      </div>
      {(["from", "to"] as const).map((key) => (
        <div key={key} className={fieldClass}>
          <label htmlFor={`${id}-${key}-field`}>{key === "from" ? "From" : "To"}</label>
          <Input
            id={`${id}-${key}-field`}
            name={key}
            type="date"
            value={dates[key]}
            onChange={(e) => setDate(key, e.target.value)}
            {...described(key)}
          />
          {message(key)}
        </div>
      ))}
    </>
  );
}
