"use client";

import { useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";
import { controlClassName } from "./control-styles";
import { useServerSearch } from "./use-server-search";
import { useTypedBeforeHydration } from "./use-typed-before-hydration";

export interface SearchPage<R> {
  rows: R[];
  total: number;
}

/**
 * One row of a server search (an ARIA 1.2 combobox: a text input that owns a listbox), for pickers
 * over more rows than a select can hold: typing searches (`urlOf(query)`, asked only while open),
 * arrows move, Enter or a click chooses, Escape closes. Rows `disabledReason` names are listed but
 * cannot be chosen. The label, hint and error around it are the caller's (`id` ties them).
 */
export function SearchCombobox<R extends { id: string }, P extends SearchPage<R>>({
  id,
  urlOf,
  value,
  textOf,
  onChoose,
  renderRow,
  disabledReason,
  status,
  listLabel,
  inputProps,
}: {
  id: string;
  urlOf: (query: string) => string;
  /** The id of the chosen row, and its text in the closed input. */
  value: { id: string } | null;
  textOf: string;
  onChoose: (row: R) => void;
  renderRow: (row: R) => ReactNode;
  disabledReason?: (row: R) => string | null | undefined;
  /** The line under the list: a count, "no match", a hint to type more; "Searching…" comes first. */
  status: (page: P, shown: number) => string;
  listLabel: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "onFocus" | "onBlur">;
}) {
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const { result, error } = useServerSearch<P>(urlOf(query), open);
  const rows = result?.rows ?? [];
  const text = open ? query : textOf;
  useTypedBeforeHydration(input, text, (typed) => {
    setQuery(typed);
    setOpen(true);
  });

  function choose(index: number) {
    const row = rows[index];
    if (!row || disabledReason?.(row)) return;
    onChoose(row);
    setOpen(false);
    setQuery("");
  }

  return (
    <div className="relative">
      <input
        {...inputProps}
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        className={cn(controlClassName, "h-10", inputProps?.className)}
        value={text}
        onFocus={() => {
          setOpen(true);
          setQuery("");
        }}
        onBlur={() => (blurTimer.current = setTimeout(() => setOpen(false), 150))}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") return setOpen(false);
          const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
          if (step) {
            e.preventDefault();
            setOpen(true);
            if (rows.length) setActive((i) => (i + step + rows.length) % rows.length);
          } else if (e.key === "Enter" && open && active >= 0) {
            e.preventDefault();
            choose(active);
          }
        }}
      />
      {open && (
        <div
          className="absolute top-full right-0 left-0 z-20 mt-1 rounded-control border border-border bg-surface shadow-lg"
          onMouseDown={(e) => e.preventDefault()}
        >
          <ul id={listId} role="listbox" aria-label={listLabel} className="max-h-72 overflow-y-auto py-1">
            {rows.map((row, index) => {
              const refusal = disabledReason?.(row);
              return (
                <li
                  key={row.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={value?.id === row.id}
                  aria-disabled={refusal ? true : undefined}
                  onClick={() => choose(index)}
                  onMouseEnter={() => setActive(index)}
                  className={cn(
                    "cursor-pointer px-3 py-1.5 text-sm",
                    index === active && "bg-neutral-100",
                    refusal && "cursor-not-allowed text-muted-foreground",
                  )}
                >
                  {renderRow(row)}
                  {refusal && <span className="block text-xs">{refusal}</span>}
                </li>
              );
            })}
          </ul>
          <p className="border-t border-border px-3 py-1.5 text-xs text-muted-foreground" aria-live="polite">
            {error ?? (result ? status(result, rows.length) : "Searching…")}
          </p>
        </div>
      )}
    </div>
  );
}
