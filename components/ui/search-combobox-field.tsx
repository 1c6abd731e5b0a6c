"use client";

import { useId, type ReactNode } from "react";
import { FieldMessages, useFieldIds } from "@/components/ui/form-field";
import { SearchCombobox } from "@/components/ui/search-combobox";

type Page<R> = { rows: R[]; total: number };

/** `/api/...?q=` with the trimmed query, or no query at all (the first page). */
export const searchUrl = (path: string) => (q: string) =>
  `${path}?${new URLSearchParams(q.trim() ? { q: q.trim() } : {})}`;

/**
 * A labelled form field around the server-search combobox (the registration's customer, the run's
 * partner, the resale rule's customer): label, required mark, hint and error tied to the input, and
 * the list's status line counting the matches of `noun`.
 */
export function SearchComboboxField<R extends { id: string }>({
  label,
  required,
  hint,
  error,
  noun,
  noMatch,
  placeholder,
  urlOf,
  value,
  textOf,
  onChoose,
  renderRow,
}: {
  label: string;
  required?: boolean;
  hint: string;
  error?: string;
  /** "customers": the list's label and the hint to type more. */
  noun: string;
  noMatch: string;
  placeholder: string;
  urlOf: (query: string) => string;
  value: { id: string } | null;
  textOf: string;
  onChoose: (row: R) => void;
  renderRow: (row: R) => ReactNode;
}) {
  const id = useId();
  const { hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger-700">
            *
          </span>
        )}
      </label>
      <SearchCombobox<R, Page<R>>
        id={id}
        urlOf={urlOf}
        value={value}
        textOf={textOf}
        onChoose={onChoose}
        renderRow={renderRow}
        status={(page, shown) =>
          page.total === 0
            ? noMatch
            : `${page.total} match${page.total === 1 ? "" : "es"}${page.total > shown ? `; ${shown} shown: type more of the name` : ""}.`
        }
        listLabel={`Matching ${noun}`}
        inputProps={{
          placeholder,
          "aria-describedby": describedBy,
          "aria-invalid": error ? true : undefined,
          "aria-required": required || undefined,
        }}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
