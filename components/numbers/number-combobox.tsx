"use client";

import { useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/control-styles";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";
import { useNumberSearch } from "./use-number-search";

export type PickedNumber = { id: string; e164: string };

/**
 * One number of a PBX, found on the server by any part of its digits (an ARIA 1.2 combobox: a text
 * input that owns a listbox). Numbers the server would refuse for this purpose are listed, disabled,
 * with the reason, so the partner sees why a number it expected is not offered.
 */
export function NumberCombobox({
  pbxId,
  purpose,
  label,
  value,
  onChange,
  className,
}: {
  pbxId: string;
  purpose: NumberPurpose;
  label: string;
  value: PickedNumber | null;
  onChange: (value: PickedNumber | null) => void;
  className?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const { result, error, loading } = useNumberSearch(pbxId, purpose, query, 1, open);
  const rows = result?.rows ?? [];
  const text = open ? query : (value?.e164 ?? "");
  useTypedBeforeHydration(input, text, (typed) => {
    setQuery(typed);
    setOpen(true);
  });

  function choose(index: number) {
    const row = rows[index];
    if (!row || row.refusal) return;
    onChange({ id: row.id, e164: row.e164 });
    setOpen(false);
    setQuery("");
  }

  function move(step: number) {
    if (!rows.length) return;
    setActive((i) => (i + step + rows.length) % rows.length);
  }

  return (
    <div className={cn("relative flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        inputMode="tel"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Type any digits, e.g. 4930"
        className={cn(controlClassName, "h-10 font-mono")}
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
            move(step);
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
          <ul
            id={listId}
            role="listbox"
            aria-label={`${label}: matching numbers`}
            className="max-h-72 overflow-y-auto py-1"
          >
            {rows.map((row, index) => (
              <li
                key={row.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={value?.id === row.id}
                aria-disabled={row.refusal ? true : undefined}
                onClick={() => choose(index)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "cursor-pointer px-3 py-1.5 text-sm",
                  index === active && "bg-neutral-100",
                  row.refusal && "cursor-not-allowed text-muted-foreground",
                )}
              >
                <span className="font-mono">{row.e164}</span>
                {row.refusal && <span className="block text-xs">{row.refusal}</span>}
              </li>
            ))}
          </ul>
          <p className="border-t border-border px-3 py-1.5 text-xs text-muted-foreground" aria-live="polite">
            {error ??
              (loading && !result
                ? "Searching…"
                : result &&
                  (result.total === 0
                    ? "No number matches."
                    : `${result.total} match${result.total === 1 ? "" : "es"}, ${result.accepted} can be chosen${result.total > rows.length ? `; ${rows.length} shown: type more digits` : ""}.`))}
          </p>
        </div>
      )}
    </div>
  );
}
