import { Prisma } from "@/lib/db/generated/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs about 0.3 ms of CPU (it
 * loads the zone's rules), and every quote counts days several times. A formatter holds no prices,
 * so keeping it can never go stale.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string) {
  let format = dayFormats.get(timeZone);
  if (!format)
    dayFormats.set(
      timeZone,
      (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })),
    );
  return format;
}

/** The calendar date of `instant` in `timeZone`, as midnight UTC of that date (for counting days). */
export function localDay(instant: Date, timeZone: string): number {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/**
 * Whole calendar days from `from` to `to` as a person in `timeZone` counts them (R3, assumed basis:
 * the partner's local day; see docs/decisions/0005-proration-by-local-days.md). An order at 00:30
 * in Berlin is that day, not the previous one in UTC.
 */
export function daysBetween(from: Date, to: Date, timeZone: string): number {
  return Math.max(0, Math.round((localDay(to, timeZone) - localDay(from, timeZone)) / DAY_MS));
}

export interface Term {
  start: Date;
  expiry: Date;
}

/**
 * R3: a service ordered mid-term costs the prorated share of its term price for the effective
 * period, order date to PBX expiry, within the PBX's stored term. Exact decimal arithmetic, rounded
 * half-up to cents.
 */
export function proratedCharge(termPrice: Prisma.Decimal | string, term: Term, orderDate: Date, timeZone: string) {
  const { termDays, effectiveDays } = prorationDays(term, orderDate, timeZone);
  if (termDays === 0) return new Prisma.Decimal(0);
  return new Prisma.Decimal(termPrice)
    .mul(effectiveDays)
    .div(termDays)
    .toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** The two day counts of R3's formula: days in the term, and days from the order to the expiry. */
export function prorationDays(term: Term, orderDate: Date, timeZone: string) {
  const termDays = daysBetween(term.start, term.expiry, timeZone);
  return { termDays, effectiveDays: Math.min(termDays, daysBetween(orderDate, term.expiry, timeZone)) };
}

/** Months in a license term, to turn a monthly price into a term price (R3: co-termination). */
export const TERM_MONTHS = { MONTHLY: 1, YEARLY: 12, FIVE_YEAR: 60 } as const;

/** `date` moved by whole calendar months (UTC), clamped to the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(
    Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth() + months,
      1,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}
