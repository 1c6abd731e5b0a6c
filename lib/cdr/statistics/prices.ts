import type { PriceColumn } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/client";
import { PRICE_COLUMN, type TMoney } from "./price-columns";

/**
 * Where the End User price an actor sees comes from: a stored column times one positive factor
 * (issue 33, docs/decisions/0063). An end user sees its customer's resale price, which is the End
 * User list, or it or the purchase cost marked up; everyone else sees the End User list as stored.
 * One factor per view (an end user sees one customer) keeps a sum a sum and an order an order.
 */
export interface TEndUserPricing {
  column: "cost" | "endUserCost";
  factor: Prisma.Decimal;
}

export const END_USER_LIST_PRICING: TEndUserPricing = { column: "endUserCost", factor: new Prisma.Decimal(1) };

const PURCHASE: TEndUserPricing = { column: PRICE_COLUMN.purchase.column, factor: new Prisma.Decimal(1) };

/** The stored column and factor of one visible price. */
export function priceSource(price: PriceColumn, pricing: TEndUserPricing): TEndUserPricing {
  return price === "purchase" ? PURCHASE : pricing;
}

/**
 * The SUM of each visible price's source column per currency, as `"purchase"` / `"endUser"` text
 * columns: a price the actor may not see is never read as such (an end user's price over the purchase
 * cost is summed from `cost` but only ever leaves as `"endUser"`, times its factor in `moneyShape`).
 * A call with no End User price (no list in force) adds nothing.
 * `unratedCalls` counts the calls with no price yet (docs/decisions/0041), shown beside the money.
 */
export function moneySql(
  prices: readonly PriceColumn[],
  pricing: TEndUserPricing,
  from: Prisma.Sql,
  where: Prisma.Sql,
  unratedCalls: Prisma.Sql,
): Prisma.Sql {
  const sums = prices.map(
    (p) =>
      Prisma.sql`coalesce(sum(${Prisma.raw(`"${priceSource(p, pricing).column}"`)}), 0)::text AS ${Prisma.raw(`"${p}"`)}`,
  );
  return Prisma.sql`SELECT "currency", ${Prisma.join(sums)}, ${unratedCalls}::int AS "unratedCalls"
    FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 1`;
}

/** The sums of `moneySql` times their factor, rounded to cents once (half up), as exact strings. */
export function moneyShape(
  prices: readonly PriceColumn[],
  pricing: TEndUserPricing,
  rows: ({ currency: string; unratedCalls: number } & Record<string, string | number>)[],
) {
  return rows.map((row) => {
    const money: TMoney = { currency: row.currency };
    for (const p of prices) money[p] = priced(row[p], p, pricing).toFixed(2);
    if (row.unratedCalls > 0) money.unratedCalls = row.unratedCalls;
    return money;
  });
}

/** A stored amount (or a sum of them) of a price's source column, times its factor, unrounded. */
export function priced(amount: Prisma.Decimal | string | number, price: PriceColumn, pricing: TEndUserPricing) {
  return new Prisma.Decimal(amount).mul(priceSource(price, pricing).factor);
}

/** A call's prices the actor sees, to 5 decimals as rated; null where the call has no such price. */
export function callPrices(
  prices: readonly PriceColumn[],
  pricing: TEndUserPricing,
  call: { cost: Prisma.Decimal | null; endUserCost: Prisma.Decimal | null },
): Partial<Record<PriceColumn, string | null>> {
  return Object.fromEntries(
    prices.map((p) => {
      const amount = call[priceSource(p, pricing).column];
      return [p, amount === null ? null : priced(amount, p, pricing).toFixed(5)];
    }),
  );
}
