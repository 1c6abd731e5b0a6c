"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { StateInput } from "@/components/ui/state-input";
import { NUMBER_TYPE_LABEL } from "@/lib/numbers/blocks";
import type { OrderProduct } from "@/lib/numbers/context";
import { stockSummary } from "@/lib/numbers/quantity";

export const productKey = (p: Pick<OrderProduct, "countryCode" | "type">) => `${p.countryCode}:${p.type}`;

/**
 * The country/type choice: every product of the partner's price list, by country name, each with
 * its stock beside it, narrowed by a search on the country's name or code. Radio buttons in a
 * scrolling list: one tab stop, arrow keys move, and the stock is read with each choice.
 */
export function ProductPicker({
  products,
  value,
  onChange,
}: {
  products: OrderProduct[];
  value: string;
  onChange: (key: string) => void;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const shown = q
    ? products.filter(
        (p) =>
          p.countryName.toLowerCase().includes(q) ||
          p.countryCode.toLowerCase() === q ||
          NUMBER_TYPE_LABEL[p.type].toLowerCase().startsWith(q),
      )
    : products;
  const inStock = products.filter((p) => p.stock.blocks[1] > 0).length;
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-foreground">Country and type</legend>
      <p className="text-sm text-muted-foreground">
        {inStock} of {products.length} have numbers in stock; the others can be requested from support.
      </p>
      <StateInput
        type="search"
        aria-label="Search countries"
        placeholder="Search a country"
        value={query}
        onValueChange={setQuery}
        className="sm:max-w-sm"
      />
      <div className="max-h-72 overflow-y-auto rounded-card border border-border">
        {shown.length === 0 && <p className="p-3 text-sm text-muted-foreground">No country matches “{query}”.</p>}
        {shown.map((p) => {
          const key = productKey(p);
          const empty = p.stock.blocks[1] === 0;
          return (
            <label
              key={key}
              className="flex cursor-pointer items-center gap-3 border-b border-border px-3 py-2 text-sm last:border-b-0 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="product"
                value={key}
                checked={value === key}
                onChange={() => onChange(key)}
                className="size-4 accent-brand-700"
              />
              <span className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-x-3 gap-y-0.5">
                <span className="font-medium text-foreground">
                  {p.countryName}, {NUMBER_TYPE_LABEL[p.type]}
                </span>
                {empty ? (
                  <Badge variant="warning">No stock</Badge>
                ) : (
                  <span className="text-xs text-muted-foreground tabular-nums">{stockSummary(p.stock.blocks)}</span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
