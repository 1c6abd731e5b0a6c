import { dayLabelIn } from "./day-labels";
import type { TDatePreset } from "./presets";

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DAY_NO_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const lastDayOfMonth = (first: Date) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The period a figure covers, in words after "Cost": "so far this month" for the current month
 * only, "in November 2026" for a whole past month, "on 3 Nov 2026" for a day, else "from … to …".
 * Takes the filters as the query string carries them (the dashboard only has that); the months are
 * the calendar of `zone`, the view's (decision 0045).
 */
export function periodWords(
  filters: { preset?: TDatePreset | string | null; from?: string | null; to?: string | null },
  now = new Date(),
  zone = "UTC",
): string {
  const today = dayLabelIn(now, zone);
  const thisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  switch (filters.preset ?? "this_month") {
    case "today":
      return "today";
    case "7d":
      return "in the last 7 days";
    case "this_month":
      return "so far this month";
    case "last_month":
      return `in ${MONTH.format(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)))}`;
  }
  const { from, to } = filters;
  if (!from || !to) return "in the chosen period";
  const first = utc(from);
  if (first.getUTCDate() === 1 && to === iso(lastDayOfMonth(first)))
    return first.getTime() === thisMonth.getTime() ? "so far this month" : `in ${MONTH.format(first)}`;
  if (from === to) return `on ${DAY.format(first)}`;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `from ${(sameYear ? DAY_NO_YEAR : DAY).format(first)} to ${DAY.format(utc(to))}`;
}

/** The cost card's title for a dashboard's filter query string. */
export function costTitle(query: string, now = new Date(), zone = "UTC"): string {
  const params = new URLSearchParams(query);
  return `Cost ${periodWords({ preset: params.get("preset"), from: params.get("from"), to: params.get("to") }, now, zone)}`;
}
