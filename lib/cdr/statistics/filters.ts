import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";

export const DATE_PRESETS = ["today", "7d", "this_month", "last_month", "custom"] as const;
export type TDatePreset = (typeof DATE_PRESETS)[number];
export const DATE_PRESET_LABEL: Record<TDatePreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  this_month: "This month",
  last_month: "Last month",
  custom: "Custom",
};

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
 * The statistics filters, exactly as the URL carries them (the page and every route handler read the
 * same query string). Strict on purpose: a hand-edited value is refused with a message (400), never
 * silently widened to "everything".
 */
export const ZStatisticsFilters = z
  .object({
    preset: z.enum(DATE_PRESETS).default("this_month"),
    from: ZDay.optional(),
    to: ZDay.optional(),
    pbx: ZId.optional(),
    customer: ZId.optional(),
    partner: ZId.optional(),
    direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
    area: z.coerce.number().int().min(1).max(6).optional(),
    number: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "A number in E.164, e.g. +4989123456")
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    sort: z.enum(CALL_SORTS).default("startedAt.desc"),
  })
  .strict()
  .refine((f) => f.preset !== "custom" || (f.from && f.to), {
    message: "A custom range needs a start and an end date",
    path: ["from"],
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date",
    path: ["from"],
  });
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
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** The whole UTC days [from, toExclusive) the filters select, relative to `now`. */
export function dateRange(
  filters: Pick<TStatisticsFilters, "preset" | "from" | "to">,
  now = new Date(),
): { from: Date; toExclusive: Date } {
  const today = utcDay(now);
  switch (filters.preset) {
    case "today":
      return { from: today, toExclusive: new Date(today.getTime() + DAY_MS) };
    case "7d":
      return { from: new Date(today.getTime() - 6 * DAY_MS), toExclusive: new Date(today.getTime() + DAY_MS) };
    case "this_month":
      return monthOf(now);
    case "last_month":
      return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
    case "custom":
      return {
        from: new Date(`${filters.from}T00:00:00Z`),
        toExclusive: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS),
      };
  }
}

/** The UTC calendar month containing `at`. */
export function monthOf(at: Date): { from: Date; toExclusive: Date } {
  return {
    from: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
    toExclusive: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
  };
}
