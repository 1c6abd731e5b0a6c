import type { Actor } from "@/lib/auth/actor";
import { END_USER_LIST_PRICING, type TEndUserPricing } from "@/lib/cdr/statistics/prices";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rulesFrom, type ResaleRule } from "./rule";

/**
 * The End User price the actor sees wherever money shows (statistics, call list and export, SMS per
 * user, a PBX's month): for an end user its customer's resale price (issue 33: "what its end users see
 * everywhere"); for a partner or the operator the End User list, which is what their "End User price"
 * column means. Only an end user costs a read (its customer's rule and its partner's for all).
 */
export async function endUserPricing(db: Db, actor: Actor): Promise<TEndUserPricing> {
  if (actor.role !== "END_USER" || !actor.customerId) return END_USER_LIST_PRICING;
  const customerId = actor.customerId;
  const rows = await db.resalePricing.findMany({
    where: {
      partner: { customers: { some: { id: customerId } } },
      OR: [{ customerId }, { customerId: null }],
    },
    select: { customerId: true, basis: true, markupPercent: true },
  });
  return pricingOf(rulesFrom(rows)(customerId));
}

/** A rule as one column times one factor: the same numbers `resalePrice` gives, for sums and sorts in SQL. */
export function pricingOf(rule: ResaleRule): TEndUserPricing {
  const markup = new Prisma.Decimal(1).add(rule.markupPercent.div(100));
  switch (rule.basis) {
    case "END_USER_LIST":
      return END_USER_LIST_PRICING;
    case "END_USER_MARKUP":
      return { column: "endUserCost", factor: markup };
    case "PURCHASE_MARKUP":
      return { column: "cost", factor: markup };
  }
}
