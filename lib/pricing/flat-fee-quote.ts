import { Prisma } from "@/lib/db/generated/client";
import type { LicensePlan } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { TERM_MONTHS, prorationDays, proratedCharge, type Term } from "./proration";
import { formatCount } from "@/lib/format";

export interface FlatFeeBand {
  sku: string;
  minUsers: number;
  maxUsers: number | null;
  pricePerUser: Prisma.Decimal;
}

export interface FlatFeeQuoteInput {
  bands: FlatFeeBand[];
  currency: string;
  users: number;
  licensePlan: Exclude<LicensePlan, "LIFETIME">;
  term: Term;
  orderDate: Date;
  timeZone: string;
}

/**
 * The first charge of CLASSOUND on a PBX (R3 + R4): the flat fee of the PBX's user band, per user,
 * for the PBX's whole term, prorated from the order day to the PBX's expiry. Everything a person
 * needs to check the amount by hand comes back with it.
 */
export function flatFeeQuote(input: FlatFeeQuoteInput) {
  const band = input.bands.find((b) => input.users >= b.minUsers && (b.maxUsers === null || input.users <= b.maxUsers));
  if (!band) throw new AppError("CONFLICT", `The partner's price list has no flat fee for ${input.users} users.`);
  const months = TERM_MONTHS[input.licensePlan];
  const termPrice = new Prisma.Decimal(band.pricePerUser).mul(input.users).mul(months);
  const { termDays, effectiveDays } = prorationDays(input.term, input.orderDate, input.timeZone);
  return {
    sku: band.sku,
    users: input.users,
    unitPrice: band.pricePerUser,
    months,
    termPrice,
    termDays,
    effectiveDays,
    amount: proratedCharge(termPrice, input.term, input.orderDate, input.timeZone),
    currency: input.currency,
  };
}
export type FlatFeeQuote = ReturnType<typeof flatFeeQuote>;

/** The quote as one line a person can check: "4 users × 10.00 EUR × 12 months × 112/365 days = 147.29 EUR". */
export function describeFlatFeeQuote(q: FlatFeeQuote): string {
  return `${q.sku}: ${formatCount(q.users, "user")} × ${q.unitPrice.toFixed(2)} ${q.currency} × ${formatCount(q.months, "month")} × ${q.effectiveDays}/${q.termDays} days = ${q.amount.toFixed(2)} ${q.currency}`;
}
