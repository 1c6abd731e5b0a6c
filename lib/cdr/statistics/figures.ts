import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ANSWERED_SQL } from "./answered";
import { monthOf } from "./filters";
import { statisticsWhere, TABLE_SQL, type TStatisticsScope, type TStatisticsTable } from "./where";

export type TStatisticsSource = "rollup" | "raw";
type Direction = "INBOUND" | "OUTBOUND";

export interface TFigures {
  perDay: { day: string; direction: Direction; calls: number; seconds: number }[];
  /** ISO weekday 1 (Monday) to 7, UTC hour 0 to 23. */
  hourOfWeek: { weekday: number; hour: number; calls: number }[];
  answered: { calls: number; answeredCalls: number; answeredSeconds: number; asr: number | null; alocSeconds: number | null };
  byArea: { area: number | null; calls: number; seconds: number }[];
  topDestinations: { countryCode: string; calls: number; seconds: number }[];
  topNumbers: { number: string; direction: Direction; calls: number; seconds: number }[];
  /** Exact decimal strings, one per currency, for the month containing `now` (the date filter aside). */
  costThisMonth: { currency: string; amount: string }[];
}
export type TFigureName = keyof TFigures;

const TOP = 10;

interface Figure<T> {
  /** The roll-up answering it; a number filter moves every figure but top numbers to the raw table. */
  rollup: Exclude<TStatisticsTable, "raw">;
  sql: (table: TStatisticsTable, where: Prisma.Sql) => Prisma.Sql;
  shape: (rows: never[]) => T;
  monthToDate?: boolean;
}

// Each figure is one query with two FROMs: the roll-up the dashboards read and the raw call table.
// Both must give the same answer (lib/cdr/statistics/figures.test.ts); the benchmark times both.
const day = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`"startedAt"::date` : Prisma.sql`"day"`);
const hour = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`"startedAt"` : Prisma.sql`"hour"`);
const calls = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`count(*)::int` : Prisma.sql`sum("calls")::int`);
const seconds = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`sum("durationSeconds")::float8` : Prisma.sql`sum("seconds")::float8`);

const FIGURES: { [K in TFigureName]: Figure<TFigures[K]> } = {
  perDay: {
    rollup: "daily",
    sql: (t, where) => Prisma.sql`SELECT to_char(${day(t)}, 'YYYY-MM-DD') AS day, "direction", ${calls(t)} AS calls, ${seconds(t)} AS seconds
      FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    shape: (rows: TFigures["perDay"]) => rows,
  },
  hourOfWeek: {
    rollup: "hourly",
    sql: (t, where) => Prisma.sql`SELECT extract(isodow FROM ${hour(t)})::int AS weekday, extract(hour FROM ${hour(t)})::int AS hour, ${calls(t)} AS calls
      FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    shape: (rows: TFigures["hourOfWeek"]) => rows,
  },
  answered: {
    rollup: "daily",
    sql: (t, where) =>
      t === "raw"
        ? Prisma.sql`SELECT count(*)::int AS calls, (count(*) FILTER (WHERE ${ANSWERED_SQL}))::int AS "answeredCalls",
            coalesce(sum("durationSeconds") FILTER (WHERE ${ANSWERED_SQL}), 0)::float8 AS "answeredSeconds" FROM "CallRecord" WHERE ${where}`
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
    sql: (t, where) => {
      const number = t === "raw" ? Prisma.sql`CASE WHEN "direction" = 'OUTBOUND' THEN "toE164" ELSE "fromE164" END` : Prisma.sql`"number"`;
      return Prisma.sql`SELECT ${number} AS number, "direction", ${calls(t)} AS calls, ${seconds(t)} AS seconds
        FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1, 2 ORDER BY calls DESC, seconds DESC, 1, 2 LIMIT ${TOP}`;
    },
    shape: (rows: TFigures["topNumbers"]) => rows,
  },
  costThisMonth: {
    rollup: "daily",
    monthToDate: true,
    sql: (t, where) => Prisma.sql`SELECT "currency", sum("cost")::text AS amount FROM ${TABLE_SQL[t]} WHERE ${where} GROUP BY 1 ORDER BY 1`,
    shape: (rows: { currency: string; amount: string }[]) => rows.map((r) => ({ currency: r.currency, amount: new Prisma.Decimal(r.amount).toFixed(2) })),
  },
};

export const FIGURE_NAMES = Object.keys(FIGURES) as TFigureName[];

/**
 * One dashboard figure for what the actor may see (R16) and the filters select. Served from the
 * roll-ups; `source: "raw"` computes it by GROUP BY on the raw call table instead (the tests' oracle
 * and the benchmark's baseline), which is also where a number filter is answered.
 */
export async function statisticsFigure<K extends TFigureName>(
  db: Db,
  context: TStatisticsScope,
  name: K,
  source: TStatisticsSource = "rollup",
): Promise<TFigures[K]> {
  assertCan(context.actor, "statistics.view");
  const figure = FIGURES[name] as unknown as Figure<TFigures[K]>;
  const table: TStatisticsTable = source === "raw" || (context.filters.number && figure.rollup !== "numbers") ? "raw" : figure.rollup;
  const range = figure.monthToDate ? monthOf(context.now ?? new Date()) : context.range;
  const rows = await db.$queryRaw<never[]>(figure.sql(table, statisticsWhere(table, { ...context, range })));
  return figure.shape(rows);
}
