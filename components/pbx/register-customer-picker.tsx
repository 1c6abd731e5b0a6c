"use client";

import { useId, useRef, useState } from "react";
import { useServerSearch } from "@/components/ui/use-server-search";
import { FieldMessages, useFieldIds } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/control-styles";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import type { CustomerOption } from "@/lib/pbx/register";

type SearchResult = { rows: CustomerOption[]; total: number };

/** The customers matching `q`, from the server (GET /api/pbxs/customers). */
function useCustomerSearch(q: string, enabled: boolean) {
  const params = new URLSearchParams(q.trim() ? { q: q.trim() } : {});
  return useServerSearch<SearchResult>(`/api/pbxs/customers?${params}`, enabled);
}

const optionLabel = (c: CustomerOption) => (c.partnerName ? `${c.name} (${c.partnerName})` : c.name);

/**
 * The customer a PBX is registered for, found on the server by any part of its name (an ARIA 1.2
 * combobox: a text input owning a listbox), so a partner with thousands of customers types rather
 * than scrolls. Only customers the server would accept are listed: the actor's own, not archived.
 */
export function RegisterCustomerPicker({
  value,
  onChange,
  error,
}: {
  value: CustomerOption | null;
  onChange: (value: CustomerOption | null) => void;
  error?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const hint = "Type any part of the customer's name.";
  const { hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { result, error: searchError } = useCustomerSearch(query, open);
  const rows = result?.rows ?? [];
  const text = open ? query : value ? optionLabel(value) : "";
  useTypedBeforeHydration(input, text, (typed) => {
    setQuery(typed);
    setOpen(true);
  });

  function choose(index: number) {
    const row = rows[index];
    if (!row) return;
    onChange(row);
    setOpen(false);
    setQuery("");
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        Customer
        <span aria-hidden="true" className="ml-0.5 text-danger-700">
          *
        </span>
      </label>
      <div className="relative">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required
          placeholder="Search your customers"
          className={cn(controlClassName, "h-10")}
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
            if (step && rows.length) {
              e.preventDefault();
              setOpen(true);
              setActive((i) => (i + step + rows.length) % rows.length);
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
            <ul id={listId} role="listbox" aria-label="Matching customers" className="max-h-72 overflow-y-auto py-1">
              {rows.map((row, index) => (
                <li
                  key={row.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={value?.id === row.id}
                  onClick={() => choose(index)}
                  onMouseEnter={() => setActive(index)}
                  className={cn("cursor-pointer px-3 py-1.5 text-sm", index === active && "bg-neutral-100")}
                >
                  {row.name}
                  {row.partnerName && <span className="block text-xs text-muted-foreground">{row.partnerName}</span>}
                </li>
              ))}
            </ul>
            <p className="border-t border-border px-3 py-1.5 text-xs text-muted-foreground" aria-live="polite">
              {searchError ??
                (!result
                  ? "Searching…"
                  : result.total === 0
                    ? "No customer matches. Archived customers take no new PBX."
                    : `${result.total} match${result.total === 1 ? "" : "es"}${result.total > rows.length ? `; ${rows.length} shown: type more of the name` : ""}.`)}
            </p>
          </div>
        )}
      </div>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
