"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldMessages } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { formatNumber, formatPageSummary } from "@/lib/format";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";
import { useNumberSearch } from "./use-number-search";

/** Numbers chosen one by one, or "every accepted number matching `matching`" (a search the server resolves). */
export type NumberSelection = { ids: string[]; matching: string | null };
export const NO_NUMBERS: NumberSelection = { ids: [], matching: null };

/**
 * Many numbers of a PBX: a search by any part of the digits, one page of ten at a time, and "select
 * all matching", which sends the search rather than a thousand ids. Numbers the server would refuse
 * are listed without a checkbox, with the reason.
 */
export function NumberPickerTable({
  pbxId,
  purpose,
  legend,
  selection,
  onChange,
  error,
}: {
  pbxId: string;
  purpose: NumberPurpose;
  legend: string;
  selection: NumberSelection;
  onChange: (selection: NumberSelection) => void;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const { result, loading } = useNumberSearch(pbxId, purpose, query, page);
  const rows = result?.rows ?? [];
  const allMatching = selection.matching !== null;
  const chosen = allMatching
    ? selection.matching === query.trim()
      ? result?.accepted
      : undefined
    : selection.ids.length;

  function toggle(numberId: string, checked: boolean) {
    const ids = checked ? [...selection.ids, numberId] : selection.ids.filter((n) => n !== numberId);
    onChange({ ids, matching: null });
  }

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-foreground">{legend}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex w-full flex-col gap-1 text-sm text-foreground sm:w-56">
          Find numbers
          <Input
            type="search"
            inputMode="tel"
            placeholder="Any digits, e.g. 4930"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
          />
        </label>
        {result && result.accepted > 0 && (
          <Button
            type="button"
            variant="secondary"
            onClick={() => onChange({ ids: [], matching: query.trim() })}
            disabled={allMatching && selection.matching === query.trim()}
          >
            Select all {formatNumber(result.accepted)} {query.trim() ? "matching" : ""}
          </Button>
        )}
        {(allMatching || selection.ids.length > 0) && (
          <Button type="button" variant="ghost" onClick={() => onChange({ ids: [], matching: null })}>
            Clear selection
          </Button>
        )}
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="number-selection">
        {allMatching
          ? `Every number that can be chosen${selection.matching ? ` matching “${selection.matching}”` : ""} is selected${chosen === undefined ? "" : ` (${formatNumber(chosen)})`}.`
          : `${selection.ids.length} selected.`}
      </p>
      <TableScrollRegion label={`${legend}: numbers found`}>
        <table className="w-full text-sm">
          <caption className="sr-only">{legend}: numbers found</caption>
          <tbody className="divide-y divide-border">
            {rows.map((n) => (
              <tr key={n.id}>
                <td className="w-10 px-3 py-1.5">
                  {!n.refusal && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${n.e164}`}
                      className="size-4 accent-brand-700"
                      checked={allMatching ? selection.matching === query.trim() : selection.ids.includes(n.id)}
                      disabled={allMatching}
                      onChange={(e) => toggle(n.id, e.target.checked)}
                    />
                  )}
                </td>
                <td className="px-3 py-1.5 font-mono whitespace-nowrap">{n.e164}</td>
                <td className="px-3 py-1.5 text-xs text-muted-foreground">{n.refusal}</td>
              </tr>
            ))}
            {result && rows.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-4 text-center text-muted-foreground">
                  No number of this PBX matches.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScrollRegion>
      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span>
          {loading && !result
            ? "Searching…"
            : result && formatPageSummary(result.total, "number", result.page, result.pageCount)}
        </span>
        <span className="flex gap-2">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={!result || result.page <= 1}
            onClick={() => setPage(result!.page - 1)}
          >
            Previous
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={!result || result.page >= result.pageCount}
            onClick={() => setPage(result!.page + 1)}
          >
            Next
          </Button>
        </span>
      </div>
      <FieldMessages error={error} errorId={`${id}-error`} />
    </fieldset>
  );
}
