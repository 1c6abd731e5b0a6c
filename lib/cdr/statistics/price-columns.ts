import type { PriceColumn } from "@/lib/auth/policy";

// Where each price a statistics view can show is stored (the call table and the daily roll-up name
// their columns alike) and what it is called on screen and in exports. Which of them an actor sees is
// the policy's `visiblePrices`, nowhere else. No runtime imports: the client components read it too.
export const PRICE_COLUMN: Record<PriceColumn, { column: "cost" | "endUserCost"; label: string }> = {
  purchase: { column: "cost", label: "Purchase cost" },
  endUser: { column: "endUserCost", label: "End User price" },
};

/** One currency's money in a figure: one exact decimal string per price the actor sees. */
export type TMoney = { currency: string } & Partial<Record<PriceColumn, string>>;
