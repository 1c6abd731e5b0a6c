import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { tierIdInForce, tierPeriodInForce } from "@/lib/partners/tier-in-force";
import { priceListInForce } from "./price-list-in-force";
import { flatFeeQuoteForPbx } from "./basket-quote";
import type { FlatFeeQuote } from "./flat-fee-quote";

/** Who may see what CLASSOUND would cost the partner: the partner who orders it and the admins who approve it. */
export const QUOTE_READERS = ["activation.request", "activation.review"] as const;

/** The quote as plain strings and numbers, so a client component (the approve dialog) can show it too. */
export interface QuoteView {
  sku: string;
  users: number;
  unitPrice: string;
  months: number;
  termPrice: string;
  termDays: number;
  effectiveDays: number;
  amount: string;
  currency: string;
}

export type PbxQuote = { quote: QuoteView; unavailable?: never } | { quote?: never; unavailable: string };

export function toQuoteView(q: FlatFeeQuote): QuoteView {
  return { ...q, unitPrice: q.unitPrice.toFixed(2), termPrice: q.termPrice.toFixed(2), amount: q.amount.toFixed(2) };
}

/**
 * What activating CLASSOUND on this PBX would charge the partner if it were approved at `now`: the PBX's
 * inputs loaded here, the amount computed only by flatFeeQuote, so every page shows the approval's figure.
 * A PBX outside the actor's scope is NOT_FOUND; a PBX that cannot be priced says why instead of a number.
 */
export async function pbxQuote(db: Db, actor: Actor, input: { pbxId: string; now?: Date }): Promise<PbxQuote> {
  assertCanAny(actor, QUOTE_READERS);
  const now = input.now ?? new Date();
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: input.pbxId }] },
    select: {
      licensePlan: true,
      termStart: true,
      termExpiry: true,
      licenses: { select: { quantity: true } },
      customer: {
        select: { partner: { select: { tierId: true, timeZone: true, tierPeriods: tierPeriodInForce(now) } } },
      },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  if (pbx.licensePlan === "LIFETIME" || !pbx.termExpiry)
    return { unavailable: "A PBX with a lifetime license has no term to price CLASSOUND on." };
  if (pbx.termExpiry <= now)
    return { unavailable: "The PBX's term has expired: there is nothing left of it to charge for." };

  const { timeZone } = pbx.customer.partner;
  // The tier in force at the quote's date (docs/decisions/0041), as the approval will charge it.
  const priceList = await priceListInForce(db, tierIdInForce(pbx.customer.partner), now, {
    flatFeeBands: {
      select: { sku: true, minUsers: true, maxUsers: true, pricePerUser: true },
      orderBy: { minUsers: "asc" },
    },
  });
  if (!priceList) return { unavailable: "The partner's price list has no prices in force today." };
  try {
    const quote = flatFeeQuoteForPbx(
      { ...pbx, licensePlan: pbx.licensePlan, termExpiry: pbx.termExpiry, timeZone },
      priceList,
      now,
    );
    return { quote: toQuoteView(quote) };
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return { unavailable: error.message };
    throw error;
  }
}
