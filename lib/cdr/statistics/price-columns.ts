import type { PriceColumn } from "@/lib/auth/policy";

// Where each price a statistics view can show is stored (the call table and the daily roll-up name
// their columns alike) and what it is called on screen and in exports. Which of them an actor sees is
// the policy's `visiblePrices`, nowhere else. An end user's "End User price" is its customer's resale
// price, read from the column and factor `./prices` `priceSource` gives (docs/decisions/0063).
// No runtime imports: the client components read it too.
export const PRICE_COLUMN: Record<PriceColumn, { column: "cost" | "endUserCost"; label: string }> = {
  purchase: { column: "cost", label: "Purchase cost" },
  endUser: { column: "endUserCost", label: "End User price" },
};

/**
 * One currency's money in a figure: one exact decimal string per price the actor sees, and how many
 * calls of it have no price yet (present only when some do: they are not in the sums, never as 0).
 */
export type TMoney = { currency: string; unratedCalls?: number } & Partial<Record<PriceColumn, string>>;

/** "12 calls not yet rated" beside a money figure (docs/decisions/0041); undefined when every call is priced. */
export function unratedCallsNote(rows: TMoney[]): string | undefined {
  const count = rows.reduce((sum, r) => sum + (r.unratedCalls ?? 0), 0);
  return count ? `${count.toLocaleString("en")} ${count === 1 ? "call" : "calls"} not yet rated` : undefined;
}
