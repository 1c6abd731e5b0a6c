import { Prisma } from "@/lib/db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole UTC days from `from` to `to` (the effective period of R3). */
export function daysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.max(0, Math.round((end - start) / DAY_MS));
}

/**
 * R3: a service ordered mid-term costs the prorated share of its term price for the effective
 * period, order date to PBX expiry. Exact decimal arithmetic, rounded half-up to cents.
 */
export function proratedCharge(termPrice: Prisma.Decimal | string, termStart: Date, termExpiry: Date, orderDate: Date) {
  const termDays = daysBetween(termStart, termExpiry);
  const effectiveDays = Math.min(termDays, daysBetween(orderDate, termExpiry));
  if (termDays === 0) return new Prisma.Decimal(0);
  return new Prisma.Decimal(termPrice).mul(effectiveDays).div(termDays).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** Months in a license term, to turn a monthly price into a term price (R3: co-termination). */
export const TERM_MONTHS = { MONTHLY: 1, YEARLY: 12, FIVE_YEAR: 60 } as const;

/** `date` moved by whole calendar months (UTC), clamped to the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}
