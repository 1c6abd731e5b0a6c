// Display formatting in one place, so every page shows money, dates and counts the same way.
const LOCALE = "en-GB";

// Building a formatter costs far more than using one: each is built once and reused (a price-list
// PDF dates every page; a statistics page formats a thousand cells while it hydrates).
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `amount` is an exact decimal string; Intl formats it without a detour through float for 2 dp. */
export function formatMoney(amount: string, currency: string, fractionDigits = 2) {
  const key = `${currency} ${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount as unknown as number);
}

const NUMBER_FORMAT = new Intl.NumberFormat(LOCALE);

export function formatNumber(value: number) {
  return NUMBER_FORMAT.format(value);
}

const DATE_FORMAT = new Intl.DateTimeFormat(LOCALE, {
  day: "2-digit",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDate(value: Date | string | null | undefined) {
  if (!value) return "—";
  return DATE_FORMAT.format(new Date(value));
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date | string) {
  return DATE_TIME_FORMAT.format(new Date(value)) + " UTC";
}

export const LICENSE_PLAN_LABEL: Record<string, string> = {
  MONTHLY: "Monthly",
  YEARLY: "Yearly",
  FIVE_YEAR: "5-year",
  LIFETIME: "Lifetime",
};

/** How long something has waited, coarse enough to read at a glance: "45 min", "5 h", "3 days". */
export function formatWaiting(since: Date | string, now = new Date()) {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / (24 * 60))} days`;
}

export const LICENSE_TYPE_LABEL: Record<string, string> = {
  BASIC: "Basic",
  ESSENTIAL: "Essential",
  BUSINESS: "Business",
  PREMIUM: "Premium",
};

const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = {
  one: "st",
  two: "nd",
  few: "rd",
  other: "th",
  zero: "th",
  many: "th",
};
const ordinalRules = new Intl.PluralRules("en", { type: "ordinal" });

/** 1st, 2nd, 3rd, 4th, 11th, 22nd: a position as people say it. */
export function formatOrdinal(value: number) {
  return `${value}${ORDINAL_SUFFIX[ordinalRules.select(value)]}`;
}

const cardinalRules = new Intl.PluralRules("en");

/** "1 number", "60 numbers", "1 month": a count with its noun in the right form (`many` when not just an "s"). */
export function formatCount(value: number, one: string, many = `${one}s`) {
  return `${value} ${cardinalRules.select(value) === "one" ? one : many}`;
}

/** A paged list's summary: "1,204 tickets · page 2 of 49". */
export function formatPageSummary(total: number, one: string, page: number, pageCount: number) {
  return `${formatNumber(total)} ${total === 1 ? one : `${one}s`} · page ${formatNumber(page)} of ${formatNumber(pageCount)}`;
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();
function zonedFormat(kind: "date" | "month" | "key", timeZone: string) {
  const key = `${kind} ${timeZone}`;
  let format = zonedFormats.get(key);
  if (!format) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      date: { day: "2-digit", month: "short", year: "numeric" },
      month: { month: "long", year: "numeric" },
      key: { year: "numeric", month: "2-digit" },
    };
    format = new Intl.DateTimeFormat(kind === "key" ? "en-CA" : LOCALE, { ...options[kind], timeZone });
    zonedFormats.set(key, format);
  }
  return format;
}

/** An instant as a date of someone's calendar (a partner's: its invoices' dates), "01 Nov 2026". */
export function formatDateIn(value: Date, timeZone: string) {
  return zonedFormat("date", timeZone).format(value);
}

/** The month an instant falls in on someone's calendar: "October 2026". */
export function formatMonthIn(value: Date, timeZone: string) {
  return zonedFormat("month", timeZone).format(value);
}

/** The same month as "2026-10", for file names and keys. */
export function monthKeyIn(value: Date, timeZone: string) {
  return zonedFormat("key", timeZone).format(value);
}
