"use client";

import { useEffect, useId, useRef } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DATE_PRESET_LABEL, DATE_PRESETS } from "@/lib/cdr/statistics/presets";

type Errors = Partial<Record<"preset" | "from" | "to", string>>;

/**
 * The period and its custom dates, kept consistent as they are edited: typing a date chooses
 * "Custom", choosing another period empties the dates (the schema would otherwise read the dates
 * as a custom range). An error from the schema shows under its date.
 *
 * The fields are uncontrolled: what the form submits is what the page shows, even when it was typed
 * before React took over the page (a controlled date typed then was reset to its empty state and the
 * range submitted without it). Dates present when React takes over choose "Custom" too.
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
  const period = useRef<HTMLSelectElement>(null);
  const fromDate = useRef<HTMLInputElement>(null);
  const toDate = useRef<HTMLInputElement>(null);
  const dates = { from: fromDate, to: toDate };
  const id = useId();
  const onDateChange = () => chooseCustomIfDated(period.current, fromDate.current, toDate.current);
  // As React takes over: a date typed before then had no handler to choose "Custom".
  useEffect(() => chooseCustomIfDated(period.current, fromDate.current, toDate.current), []);
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
          ref={period}
          defaultValue={preset}
          onChange={(e) => {
            if (e.target.value === "custom") return;
            for (const date of [fromDate.current, toDate.current]) if (date) date.value = "";
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
            ref={dates[key]}
            defaultValue={key === "from" ? from : to}
            onChange={onDateChange}
            {...described(key)}
          />
          {message(key)}
        </div>
      ))}
    </>
  );
}

function chooseCustomIfDated(period: HTMLSelectElement | null, ...dates: (HTMLInputElement | null)[]) {
  if (period && dates.some((date) => date?.value)) period.value = "custom";
}
