import type { PriceColumn } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/client";
import { PRICE_COLUMN, type TMoney } from "./price-columns";

/**
 * The SUM of each visible price per currency, as `"purchase"` / `"endUser"` text columns: a price the
 * actor may not see is never read. A call with no End User price (no list in force) adds nothing.
 * `unratedCalls` counts the calls with no price yet (docs/decisions/0041), shown beside the money.
 */
export function moneySql(
  prices: readonly PriceColumn[],
  from: Prisma.Sql,
  where: Prisma.Sql,
  unratedCalls: Prisma.Sql,
): Prisma.Sql {
  const sums = prices.map(
    (p) => Prisma.sql`coalesce(sum(${Prisma.raw(`"${PRICE_COLUMN[p].column}"`)}), 0)::text AS ${Prisma.raw(`"${p}"`)}`,
  );
  return Prisma.sql`SELECT "currency", ${Prisma.join(sums)}, ${unratedCalls}::int AS "unratedCalls"
    FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 1`;
}

export function moneyShape(
  prices: readonly PriceColumn[],
  rows: ({ currency: string; unratedCalls: number } & Record<string, string | number>)[],
) {
  return rows.map((row) => {
    const money: TMoney = { currency: row.currency };
    for (const p of prices) money[p] = new Prisma.Decimal(row[p]).toFixed(2);
    if (row.unratedCalls > 0) money.unratedCalls = row.unratedCalls;
    return money;
  });
}

/** A call's prices the actor sees, to 5 decimals as rated; null where the call has no End User price. */
export function callPrices(
  prices: readonly PriceColumn[],
  call: { cost: Prisma.Decimal | null; endUserCost: Prisma.Decimal | null },
): Partial<Record<PriceColumn, string | null>> {
  return Object.fromEntries(prices.map((p) => [p, call[PRICE_COLUMN[p].column]?.toFixed(5) ?? null]));
}
