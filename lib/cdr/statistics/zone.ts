import { Prisma } from "@/lib/db/generated/client";

// The SQL side of ./day-labels: a call's local day from its partner's time zone.

/** No time zone is further than this from UTC (Kiribati +14, Baker Island -12). */
const ZONE_SLACK_MS = 14 * 60 * 60 * 1000;

/**
 * A UTC timestamp column as the partner-local time (on a FROM that carries the partner's
 * `"timeZone"`: the statistics' raw and hourly tables, the refresh's join).
 */
export const localTimeSql = (column: Prisma.Sql) =>
  Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE "timeZone")`;

/** The partner-local day label of a UTC timestamp column, as `localTimeSql`. */
export const localDaySql = (column: Prisma.Sql) => Prisma.sql`${localTimeSql(column)}::date`;

/**
 * A UTC timestamp column within the local day labels [from, toExclusive): a window 14 hours wider
 * on each side, which the indexes and partitions answer, then each row's local day.
 */
export function localDaysSql(column: Prisma.Sql, range: { from: Date; toExclusive: Date }): Prisma.Sql {
  const wideFrom = new Date(range.from.getTime() - ZONE_SLACK_MS);
  const wideTo = new Date(range.toExclusive.getTime() + ZONE_SLACK_MS);
  return Prisma.sql`${column} >= ${wideFrom} AND ${column} < ${wideTo}
    AND ${localDaySql(column)} >= ${range.from}::date AND ${localDaySql(column)} < ${range.toExclusive}::date`;
}
