import { assertCan, scope, visiblePrices, type PriceColumn } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";
import { ANSWERED_SQL, INCLUDED_MINUTES_CALL_SQL, INCLUDED_SMS_SQL, UNRATED_CALL_SQL } from "./answered";
import { dateRange, monthOf, type TStatisticsFilters } from "./filters";
import type { TMoney } from "./price-columns";
import { END_USER_LIST_PRICING, moneyShape, moneySql, type TEndUserPricing } from "./prices";
import { endUserPricing } from "@/lib/billing/resale/end-user-pricing";
import { rankedTopNumbers, topNumbersSql, type TRequestRanking, type TTopNumbers } from "./top-numbers";
import { calls, seconds, statisticsWhere, TABLE_SQL, type TStatisticsScope, type TStatisticsTable } from "./where";
import { viewZone } from "./day-labels";
import { localDaySql, localTimeSql } from "./zone";

export type TStatisticsSource = "rollup" | "raw";
type Direction = "INBOUND" | "OUTBOUND";

export interface TFigures {
  perDay: { day: string; direction: Direction; calls: number; seconds: number }[];
  /** ISO weekday 1 (Monday) to 7, hour 0 to 23, in the partner's time zone (of the UTC hour's start). */
  hourOfWeek: { weekday: number; hour: number; calls: number }[];
  answered: {
    calls: number;
    answeredCalls: number;
    answeredSeconds: number;
    asr: number | null;
    alocSeconds: number | null;
  };
  byArea: { area: number | null; calls: number; seconds: number }[];
  topDestinations: { countryCode: string; calls: number; seconds: number }[];
  topNumbers: TTopNumbers;
  /** Per currency, for the date range: the prices the actor sees (`visiblePrices`). */
  cost: TMoney[];
  /** Per PBX user, in the month the date range ends in: R5's Area 1 minutes and R15's SMS, with projections. */
  userUse: TIncludedUse[];
}
export type TFigureName = keyof TFigures;

const TOP = 10;

interface Figure<T> {
  /**
   * The roll-up answering it; a number filter moves every figure but top numbers to the raw table.
   * Top numbers reads the daily number roll-up only for a number filter, rankings otherwise.
   */
  rollup: Exclude<TStatisticsTable, "raw" | "sms" | "top">;
  sql: (
    table: TStatisticsTable,
    where: Prisma.Sql,
    whereOf: (table: TStatisticsTable) => Prisma.Sql,
    prices: readonly PriceColumn[],
    pricing: TEndUserPricing,
  ) => Prisma.Sql;
  shape: (
    rows: never[],
    range: { from: Date; toExclusive: Date },
    now: Date,
    prices: readonly PriceColumn[],
    pricing: TEndUserPricing,
  ) => T;
  /** Carries money: reads the actor's End User pricing (an end user's resale rule) first. */
  money?: true;
  /** Whether the month the range ends in replaces the filters' dates. */
  month?: "rangeEnd";
  /** Filters that do not apply (a user's included minutes are Area 1 outgoing by definition). */
  ignores?: ("direction" | "area" | "number")[];
}

// Each figure is one query with two FROMs: the roll-up the dashboards read and the raw call table.
// Both must give the same answer (lib/cdr/statistics/figures.test.ts); the benchmark times both.
// Days and hours are the partner's (./zone); a raw call counts in the hour its UTC hour starts, as
// the hourly roll-up counts it, so a zone offset by half an hour moves both alike.
const day = (t: TStatisticsTable) => (t === "raw" ? localDaySql(Prisma.sql`"startedAt"`) : Prisma.sql`"day"`);
const hour = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`date_trunc('hour', "startedAt")` : Prisma.sql`"hour"`);

// Money figures carry only the prices the actor sees (issue 29): an end user's carry its resale price
// only, which may be summed from `cost` times its markup (./prices), never `cost` as such.
const unratedCalls = (t: TStatisticsTable) =>
  t === "raw" ? Prisma.sql`count(*) FILTER (WHERE ${UNRATED_CALL_SQL})` : Prisma.sql`coalesce(sum("unratedCalls"), 0)`;
const costSql: Figure<TMoney[]>["sql"] = (t, where, _, prices, pricing) =>
  moneySql(prices, pricing, TABLE_SQL[t], where, unratedCalls(t));
const costShape: Figure<TMoney[]>["shape"] = (rows, _, __, prices, pricing) => moneyShape(prices, pricing, rows);

const FIGURES: { [K in TFigureName]: Figure<TFigures[K]> } = {
  perDay: {
    rollup: "daily",
    sql: (
      t,
      where,
    ) => Prisma.sql`SELECT to_char(${day(t)}, 'YYYY-MM-DD') AS day, "direction", ${calls(t)} AS calls, ${seconds(t)} AS seconds
      FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    shape: (rows: TFigures["perDay"]) => rows,
  },
  hourOfWeek: {
    rollup: "hourly",
    sql: (
      t,
      where,
    ) => Prisma.sql`SELECT extract(isodow FROM local)::int AS weekday, extract(hour FROM local)::int AS hour, sum(calls)::int AS calls
      FROM (
        -- Summed per UTC hour and partner first, then per zone: the join to the partner and the zone
        -- conversion then run on a month's hours, not on every row.
        SELECT ${localTimeSql(Prisma.sql`utc_hour`)} AS local, calls FROM (
          SELECT utc_hour, "timeZone", sum(calls) AS calls FROM (
            SELECT ${hour(t)} AS utc_hour, "partnerId", ${calls(t)} AS calls FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2
          ) partner_hours JOIN "Partner" ON "Partner"."id" = partner_hours."partnerId" GROUP BY 1, 2
        ) zone_hours
      ) local_hours
      GROUP BY 1, 2 ORDER BY 1, 2`,
    shape: (rows: TFigures["hourOfWeek"]) => rows,
  },
  answered: {
    rollup: "daily",
    sql: (t, where) =>
      t === "raw"
        ? Prisma.sql`SELECT count(*)::int AS calls, (count(*) FILTER (WHERE ${ANSWERED_SQL}))::int AS "answeredCalls",
            coalesce(sum("durationSeconds") FILTER (WHERE ${ANSWERED_SQL}), 0)::float8 AS "answeredSeconds" FROM ${TABLE_SQL.raw} WHERE ${where}`
        : Prisma.sql`SELECT coalesce(sum("calls"), 0)::int AS calls, coalesce(sum("answeredCalls"), 0)::int AS "answeredCalls",
            coalesce(sum("answeredSeconds"), 0)::float8 AS "answeredSeconds" FROM "CallDailyRollup" WHERE ${where}`,
    shape: ([row]: { calls: number; answeredCalls: number; answeredSeconds: number }[]) => ({
      ...row,
      asr: row.calls ? row.answeredCalls / row.calls : null,
      alocSeconds: row.answeredCalls ? row.answeredSeconds / row.answeredCalls : null,
    }),
  },
  byArea: {
    rollup: "daily",
    sql: (t, where) => Prisma.sql`SELECT "area", ${calls(t)} AS calls, ${seconds(t)} AS seconds
      FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1 ORDER BY 1 NULLS LAST`,
    shape: (rows: TFigures["byArea"]) => rows,
  },
  topDestinations: {
    rollup: "daily",
    sql: (t, where) => Prisma.sql`SELECT "countryCode", ${calls(t)} AS calls, ${seconds(t)} AS seconds
      FROM ${TABLE_SQL[t]} WHERE ${where} AND "direction" = 'OUTBOUND' AND "countryCode" IS NOT NULL
      GROUP BY 1 ORDER BY seconds DESC, calls DESC, 1 LIMIT ${TOP}`,
    shape: (rows: TFigures["topDestinations"]) => rows,
  },
  topNumbers: {
    rollup: "numbers",
    sql: topNumbersSql,
    shape: (rows: TTopNumbers["numbers"]) => ({ ranking: "ready" as const, numbers: rows }),
  },
  cost: { rollup: "daily", sql: costSql, shape: costShape, money: true },
  userUse: {
    rollup: "users",
    month: "rangeEnd",
    ignores: ["direction", "area", "number"],
    sql: (t, where, whereOf) =>
      t === "raw"
        ? Prisma.sql`SELECT "pbxId", "extension", sum(seconds)::float8 AS "area1Seconds", sum(sms)::int AS "smsSent" FROM (
            SELECT "pbxId", "extension", "durationSeconds" AS seconds, 0 AS sms FROM ${TABLE_SQL.raw} WHERE ${where} AND ${INCLUDED_MINUTES_CALL_SQL}
            UNION ALL
            SELECT "pbxId", "extension", 0, 1 FROM ${TABLE_SQL.sms} WHERE ${whereOf("sms")} AND ${INCLUDED_SMS_SQL}
          ) used GROUP BY 1, 2 ORDER BY "area1Seconds" DESC, "smsSent" DESC, 1, 2`
        : Prisma.sql`SELECT "pbxId", "extension", sum("area1Seconds")::float8 AS "area1Seconds", sum("smsSent")::int AS "smsSent"
            FROM "CallUserDailyRollup" WHERE ${where} GROUP BY 1, 2 ORDER BY "area1Seconds" DESC, "smsSent" DESC, 1, 2`,
    shape: (rows: TUserUseRow[], month, now) => includedUse(rows, month, now),
  },
};

export const FIGURE_NAMES = Object.keys(FIGURES) as TFigureName[];

/**
 * One dashboard figure for what the actor may see (R16) and the filters select. Served from the
 * roll-ups; `source: "raw"` computes it by GROUP BY on the raw call table instead (the tests' oracle
 * and the benchmark's baseline), which is also where a number filter is answered. Top numbers over
 * a range no ranking period answers is ranked by a job `requestRanking` queues, "pending" until then.
 */
export async function statisticsFigure<K extends TFigureName>(
  db: Db,
  context: TStatisticsScope,
  name: K,
  source: TStatisticsSource = "rollup",
  requestRanking: TRequestRanking = NO_RANKING_JOBS,
): Promise<TFigures[K]> {
  assertCan(context.actor, "statistics.view");
  const figure = FIGURES[name] as unknown as Figure<TFigures[K]>;
  const filters = { ...context.filters };
  for (const key of figure.ignores ?? []) delete filters[key];
  const range = figureRange(figure, context);
  if (name === "topNumbers" && source === "rollup" && !filters.number) {
    return (await rankedTopNumbers(
      db,
      { tenant: scope.callTenant(context.actor), filters, range },
      requestRanking,
      context.actor,
    )) as TFigures[K];
  }
  const table = figureTable(figure, source, filters);
  // Top numbers lists the other party's numbers: a number filter there reads that party only.
  const numberParty = name === "topNumbers" ? "other" : "either";
  const whereOf = (t: TStatisticsTable) => statisticsWhere(t, { ...context, filters, range, numberParty });
  const prices = visiblePrices(context.actor);
  const pricing = figure.money ? await endUserPricing(db, context.actor) : END_USER_LIST_PRICING;
  const rows = await db.$queryRaw<never[]>(figure.sql(table, whereOf(table), whereOf, prices, pricing));
  return figure.shape(rows, range, context.now ?? new Date(), prices, pricing);
}

const NO_RANKING_JOBS: TRequestRanking = async () => {
  throw new Error("Top numbers over this range need a ranking job: pass requestRanking.");
};

function figureTable(
  figure: Figure<unknown>,
  source: TStatisticsSource,
  filters: TStatisticsFilters,
): TStatisticsTable {
  if (source === "raw") return "raw";
  if (filters.number) return figure.rollup === "numbers" ? "numbers" : "raw";
  return figure.rollup;
}

function figureRange(figure: Pick<Figure<unknown>, "month">, context: TStatisticsScope) {
  const range = context.range ?? dateRange(context.filters, context.now, viewZone(context.zones));
  if (figure.month === "rangeEnd") return monthOf(new Date(range.toExclusive.getTime() - 1));
  return range;
}

export interface TIncludedUse {
  pbxId: string;
  extension: string;
  minutesUsed: number;
  /** At this month's pace so far; for a past month, what was used. */
  minutesProjected: number;
  minutesIncluded: number;
  smsSent: number;
  smsProjected: number;
  smsIncluded: number;
}

type TUserUseRow = { pbxId: string; extension: string; area1Seconds: number; smsSent: number };

/** R5 and R15 per user: the month's use, and the projection to month end at the pace so far. */
export function includedUse(
  rows: TUserUseRow[],
  month: { from: Date; toExclusive: Date },
  now = new Date(),
): TIncludedUse[] {
  const length = month.toExclusive.getTime() - month.from.getTime();
  const elapsed = Math.min(length, Math.max(0, now.getTime() - month.from.getTime()));
  const factor = elapsed > 0 ? length / elapsed : 1;
  return rows.map((r) => ({
    pbxId: r.pbxId,
    extension: r.extension,
    minutesUsed: r.area1Seconds / 60,
    minutesProjected: (r.area1Seconds / 60) * factor,
    minutesIncluded: INCLUDED_PER_USER.area1Minutes,
    smsSent: r.smsSent,
    smsProjected: r.smsSent * factor,
    smsIncluded: INCLUDED_PER_USER.sms,
  }));
}
