import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ResaleBasis } from "@/lib/db/generated/enums";

const D = Prisma.Decimal;

/** How a partner prices what it resells to one customer (issue 33, docs/decisions/0063). */
export interface ResaleRule {
  basis: ResaleBasis;
  /** Percent over the basis; 0 with END_USER_LIST. */
  markupPercent: Prisma.Decimal;
  /** Where the rule comes from: the customer's own, the partner's for all, or the End User list by default. */
  source: "customer" | "partner" | "default";
}

export const DEFAULT_RESALE_RULE: ResaleRule = { basis: "END_USER_LIST", markupPercent: new D(0), source: "default" };

/** The partner's rules, answering each customer's: its own, else the partner's for all, else the End User list. */
export async function resaleRulesOf(db: Db | Prisma.TransactionClient, partnerId: string) {
  const rows = await db.resalePricing.findMany({
    where: { partnerId },
    select: { customerId: true, basis: true, markupPercent: true },
  });
  return rulesFrom(rows);
}

/** The precedence of `resaleRulesOf` over rows already read (one partner's, or only those a customer needs). */
export function rulesFrom(rows: { customerId: string | null; basis: ResaleBasis; markupPercent: Prisma.Decimal }[]) {
  const forAll = rows.find((r) => r.customerId === null);
  const own = new Map(rows.flatMap((r) => (r.customerId ? [[r.customerId, r] as const] : [])));
  return (customerId: string): ResaleRule => {
    const mine = own.get(customerId);
    if (mine) return { basis: mine.basis, markupPercent: mine.markupPercent, source: "customer" };
    if (forAll) return { basis: forAll.basis, markupPercent: forAll.markupPercent, source: "partner" };
    return DEFAULT_RESALE_RULE;
  };
}

/**
 * One resale price from the partner's purchase price and the End User list price of the same thing,
 * unrounded (the caller rounds a line's amount once, as the invoice does).
 */
export function resalePrice(rule: ResaleRule, prices: { purchase: Prisma.Decimal; endUser: Prisma.Decimal }) {
  const factor = new D(1).add(rule.markupPercent.div(100));
  switch (rule.basis) {
    case "END_USER_LIST":
      return prices.endUser;
    case "PURCHASE_MARKUP":
      return prices.purchase.mul(factor);
    case "END_USER_MARKUP":
      return prices.endUser.mul(factor);
  }
}
