"use client";

import { useDeferredValue, useState } from "react";
import { Search } from "lucide-react";
import { StateInput } from "@/components/ui/state-input";
import type { DisplaySection } from "@/lib/pricing/documents/sections";

/** Rows whose text holds the query: a country's name, its ISO code-free prefix ("+49" or "49"), an area. */
function matches(row: string[], query: string) {
  const needle = query.toLowerCase().replace(/^\+/, "");
  return row.some((cell) => cell.toLowerCase().replace(/^\+/, "").includes(needle));
}

/** The price list's sections with a table of contents and a search that filters countries and prefixes as you type. */
export function PriceListBrowser({ sections }: { sections: DisplaySection[] }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const shown = sections.map((s) => ({
    ...s,
    rows: deferred && s.isSearchable ? s.rows.filter((row) => matches(row, deferred)) : s.rows,
  }));
  const hits = shown.filter((s) => s.isSearchable).reduce((sum, s) => sum + s.rows.length, 0);

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Price-list sections" className="lg:sticky lg:top-20 lg:self-start">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Contents</h2>
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-sm lg:flex-col">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-brand-700 hover:underline">
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="min-w-0">
        <div role="search" className="relative max-w-md">
          <label htmlFor="price-list-search" className="mb-1 block text-sm font-medium text-foreground">
            Find a country or prefix
          </label>
          <Search aria-hidden className="pointer-events-none absolute bottom-3 left-3 size-4 text-muted-foreground" />
          <StateInput
            id="price-list-search"
            type="search"
            value={query}
            onValueChange={setQuery}
            placeholder="e.g. Germany or +49"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <p role="status" className="mt-2 min-h-5 text-sm text-muted-foreground">
          {deferred
            ? hits
              ? `${hits} matching rows in countries, numbers and FreePhone.`
              : `Nothing matches “${deferred}”.`
            : ""}
        </p>
        {shown.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="mt-8 scroll-mt-20">
            <h2 id={`${s.id}-title`} className="text-lg font-semibold text-foreground">
              {s.title}
            </h2>
            {s.notes.map((note) => (
              <p key={note} className="mt-1 max-w-3xl text-sm text-muted-foreground">
                {note}
              </p>
            ))}
            {s.rows.length === 0 ? (
              <p className="mt-3 text-sm text-muted-foreground">No rows match the search.</p>
            ) : (
              <div
                className="mt-3 overflow-x-auto rounded-card border border-neutral-200 bg-surface"
                tabIndex={0}
                role="region"
                aria-label={`${s.title} table`}
              >
                <table className="w-full text-left text-sm">
                  <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
                    <tr>
                      {s.columns.map((c) => (
                        <th
                          key={c.header}
                          scope="col"
                          className={`px-3 py-2.5 font-medium ${c.isNumeric ? "text-right" : ""}`}
                        >
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {s.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, i) => (
                          <td
                            key={i}
                            className={`px-3 py-2 ${s.columns[i].isNumeric ? "text-right tabular-nums" : ""}`}
                          >
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
