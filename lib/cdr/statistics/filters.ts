import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import { DATE_PRESETS } from "./presets";
import { dayLabelIn } from "./day-labels";

export { DATE_PRESET_LABEL, DATE_PRESETS, type TDatePreset } from "./presets";

// Calls of this portal lie well inside this century; a year like 0000 or 9999 parses as a date and
// then breaks the day arithmetic and the database's ranges.
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2099-12-31";
const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "Not a real date",
  )
  .refine((s) => s >= FIRST_DAY && s <= LAST_DAY, `Choose a date from ${FIRST_DAY} to ${LAST_DAY}`);
// A call list's sort: the column and the order, e.g. "startedAt.desc".
export const CALL_SORTS = [
  "startedAt.desc",
  "startedAt.asc",
  "durationSeconds.desc",
  "durationSeconds.asc",
  "cost.desc",
  "cost.asc",
] as const;

/**
 * The number filter: any part of a number's digits ("4989" finds +4989…, "0100" finds …0100), or its
 * start when typed with a "+" ("+4989"). Spaces, dashes, dots, slashes and brackets people type in
 * numbers are dropped; anything else (letters) is refused, never ignored.
 */
const ZNumberPart = z
  .string()
  .transform((s) => s.replace(/[\s\-()./]/g, ""))
  .superRefine((s, context) => {
    const digits = s.replace(/^\+/, "");
    const message = !/^\d*$/.test(digits)
      ? "Use digits only: part of a number (4989) or its start with + (+4989)"
      : digits.length < 3
        ? "Type at least 3 digits"
        : digits.length > 15
          ? "A number has at most 15 digits"
          : undefined;
    if (message) context.addIssue({ code: "custom", message });
  });

/** The LIKE pattern of a number filter on an E.164 column: a "+" anchors it at the start. */
export const numberPattern = (number: string) => (number.startsWith("+") ? `${number}%` : `%${number}%`);

/** Whether a parsed number filter matches an E.164 number (the SQL's LIKE, for tests and the client). */
export const numberMatches = (number: string, e164: string) =>
  number.startsWith("+") ? e164.startsWith(number) : e164.includes(number);

const ZFilterObject = z
  .object({
    preset: z.enum(DATE_PRESETS).default("this_month"),
    from: ZDay.optional(),
    to: ZDay.optional(),
    pbx: ZId.optional(),
    customer: ZId.optional(),
    partner: ZId.optional(),
    direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
    area: z.coerce
      .number({ message: "Choose an area from 1 to 6" })
      .int()
      .min(1, "Choose an area from 1 to 6")
      .max(6, "Choose an area from 1 to 6")
      .optional(),
    number: ZNumberPart.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    sort: z.enum(CALL_SORTS).default("startedAt.desc"),
  })
  .strict();

/** The filter fields one by one, for an entry point with a query object of its own (the partner API's records). */
export const STATISTICS_FILTER_FIELDS = ZFilterObject.shape;

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === "object" && raw !== null;

/** Dates with another period (or none) mean a custom range: whoever typed dates meant those days. */
export function withDatesAsCustom<T extends Record<string, unknown>>(raw: T): T {
  return (raw.from || raw.to) && raw.preset !== "custom" ? { ...raw, preset: "custom" } : raw;
}

/**
 * The statistics filters, exactly as the URL carries them (the page and every route handler read the
 * same query string). Strict on purpose: a hand-edited value is refused with a message (400), never
 * silently widened to "everything". Dates given with another period mean a custom range: whoever
 * typed dates meant those days (the form also switches its period to "Custom" as they are typed).
 * A missing, invalid or reversed date is an error on its date field.
 */
export const ZStatisticsFilters = z.preprocess(
  (raw) => (isRecord(raw) ? withDatesAsCustom(raw) : raw),
  // The dates are checked whatever else was refused, so every error shows at once.
  ZFilterObject.superRefine(
    (f, context) => {
      if (f.preset !== "custom") return;
      if (!f.from) context.addIssue({ code: "custom", path: ["from"], message: "Choose the first day of the range" });
      if (!f.to) context.addIssue({ code: "custom", path: ["to"], message: "Choose the last day of the range" });
      const { from, to } = f;
      if (from && to && ZDay.safeParse(from).success && ZDay.safeParse(to).success && from > to)
        context.addIssue({ code: "custom", path: ["to"], message: "The last day is before the first day" });
    },
    { when: () => true },
  ),
);
export type TStatisticsFilters = z.output<typeof ZStatisticsFilters>;

const KEYS = [
  "preset",
  "from",
  "to",
  "pbx",
  "customer",
  "partner",
  "direction",
  "area",
  "number",
  "page",
  "sort",
] as const;

/** The filters from a query string; empty values mean "not set". A malformed value is a 400. */
export function parseStatisticsFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): TStatisticsFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const raw: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === "") continue;
    if (key in raw) throw new AppError("BAD_REQUEST", `The filter "${key}" is given twice.`);
    raw[key] = value;
  }
  const parsed = ZStatisticsFilters.safeParse(raw);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", "These statistics filters are not valid.", fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

/** How many filters narrow the view (the period when not the default month, and each other choice), for the folded filter button. */
export function activeFilterCount(values: Partial<Record<(typeof KEYS)[number], unknown>>): number {
  const narrowing = ["partner", "customer", "pbx", "direction", "area", "number"] as const;
  const period = (values.preset && values.preset !== "this_month") || values.from || values.to ? 1 : 0;
  return period + narrowing.filter((key) => values[key] !== undefined && values[key] !== "").length;
}

/** The query string of a set of filters (defaults left out), for links and fetches. */
export function statisticsQuery(filters: Partial<TStatisticsFilters>): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value === undefined || value === null || value === "") continue;
    if (
      (key === "page" && value === 1) ||
      (key === "sort" && value === "startedAt.desc") ||
      (key === "preset" && value === "this_month")
    )
      continue;
    params.set(key, String(value));
  }
  return params.toString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day labels [from, toExclusive) the filters select at `now` (see ./zone): "today", "7 days" and
 * the months are the calendar of `zone`, the view's partners' time zone.
 */
export function dateRange(
  filters: Pick<TStatisticsFilters, "preset" | "from" | "to">,
  now = new Date(),
  zone = "UTC",
): { from: Date; toExclusive: Date } {
  const today = dayLabelIn(now, zone);
  switch (filters.preset) {
    case "today":
      return { from: today, toExclusive: new Date(today.getTime() + DAY_MS) };
    case "7d":
      return { from: new Date(today.getTime() - 6 * DAY_MS), toExclusive: new Date(today.getTime() + DAY_MS) };
    case "this_month":
      return monthOf(today);
    case "last_month":
      return monthOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)));
    case "custom":
      return {
        from: new Date(`${filters.from}T00:00:00Z`),
        toExclusive: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS),
      };
  }
}

/** The calendar month containing the day label `at`. */
export function monthOf(at: Date): { from: Date; toExclusive: Date } {
  return {
    from: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
    toExclusive: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
  };
}
