import { Prisma } from "@/lib/db/generated/client";
import { describeFlatFeeQuote, flatFeeQuote, type FlatFeeBand, type FlatFeeQuote } from "./flat-fee-quote";
import { TERM_MONTHS, addMonths, daysBetween, type Term } from "./proration";

// What a licence change charges for CLASSOUND's flat fee (R3, R4), as pure arithmetic on the price
// list's bands: the charge and the formula a person can check by hand. Every amount comes from
// flatFeeQuote, the function activation charges with, so a band, a term price or a proration is
// computed in one place only (docs/decisions/0055).

export type RecurringPlan = keyof typeof TERM_MONTHS;

export interface LicencePricing {
  bands: FlatFeeBand[];
  currency: string;
  /** The partner's zone: days are its calendar days (R3, docs/decisions/0005). */
  timeZone: string;
}

/**
 * The next term's flat fee after a renewal: the PBX's users at their band's price for the plan's
 * months, for the new term from the old expiry to the new one. A term of exactly one plan period
 * costs the term price; a shorter or longer one (a renewal to an off-calendar date) costs it
 * pro rata, by the new term's days over the days of one plan period from the same start.
 */
export function renewalCharge(
  input: LicencePricing & { licensePlan: RecurringPlan; users: number; from: Date; to: Date },
) {
  const onePeriod = { start: input.from, expiry: addMonths(input.from, TERM_MONTHS[input.licensePlan]) };
  const quote = flatFeeQuote({
    bands: input.bands,
    currency: input.currency,
    users: input.users,
    licensePlan: input.licensePlan,
    term: onePeriod,
    orderDate: input.from,
    timeZone: input.timeZone,
  });
  const days = daysBetween(input.from, input.to, input.timeZone);
  const amount =
    quote.termDays === 0
      ? new Prisma.Decimal(0)
      : quote.termPrice.mul(days).div(quote.termDays).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
  const charge: FlatFeeQuote = { ...quote, effectiveDays: days, amount };
  return { quote: charge, amount, currency: quote.currency, description: describeFlatFeeQuote(charge) };
}
export type RenewalCharge = ReturnType<typeof renewalCharge>;

/**
 * Users added mid-term (R4, re-banded): from `from` to the expiry the whole PBX pays its new count at
 * the new count's band, less what the users already paid for pay for those same days at their band.
 * 4 users going to 6 pay 6 × the 6-20 price × the remaining share, less 4 × the 1-5 price × the same
 * share; each part is rounded to cents as a charge is, then subtracted. `paidUsers` is the count the
 * term is already paid for: a removal is not refunded, so users added back up to it cost nothing.
 * Null when nothing is added; a re-banding that would come out cheaper charges 0, never a refund.
 */
export function usersAddedCharge(
  input: LicencePricing & { licensePlan: RecurringPlan; term: Term; from: Date; paidUsers: number; users: number },
) {
  if (input.users <= input.paidUsers) return null;
  const quoteFor = (users: number) =>
    flatFeeQuote({
      bands: input.bands,
      currency: input.currency,
      users,
      licensePlan: input.licensePlan,
      term: input.term,
      orderDate: input.from,
      timeZone: input.timeZone,
    });
  const whole = quoteFor(input.users);
  const paid = input.paidUsers > 0 ? quoteFor(input.paidUsers) : null;
  const difference = whole.amount.sub(paid?.amount ?? 0);
  const amount = difference.isNegative() ? new Prisma.Decimal(0) : difference;
  const less = paid ? `, less ${describeFlatFeeQuote(paid)} already paid` : "";
  return {
    whole,
    paid,
    amount,
    currency: whole.currency,
    description: `${describeFlatFeeQuote(whole)}${less}: ${amount.toFixed(2)} ${whole.currency}`,
  };
}
export type UsersAddedCharge = NonNullable<ReturnType<typeof usersAddedCharge>>;
