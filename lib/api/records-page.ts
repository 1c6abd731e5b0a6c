import type { Actor } from "@/lib/auth/actor";
import { visiblePrices } from "@/lib/auth/policy";
import { endUserPricing } from "@/lib/billing/resale/end-user-pricing";
import { notRatedText } from "@/lib/cdr/rating/unrated-reasons";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { callPrices } from "@/lib/cdr/statistics/prices";
import { statisticsWhere } from "@/lib/cdr/statistics/where";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CallDirection, UnratedReason } from "@/lib/db/generated/enums";
import { pageFrom } from "./cursor";

// The partner API's call and SMS export (lib/api/endpoints/records.ts): the statistics' filters,
// tenant and prices, a page at a time by keyset on (time, id).

/** A parsed query of /calls or /sms. */
export interface TRecordQuery {
  cursor?: readonly [string, string];
  limit: number;
  month?: string;
  from?: string;
  to?: string;
  customerId?: string;
  pbxId?: string;
  direction?: CallDirection;
  area?: number;
  number?: string;
  rated?: "true" | "false";
}

/** The query as the statistics pages' filters: parsed and scoped by the same `statisticsContext`. */
function statisticsQueryOf(query: TRecordQuery): Record<string, string | undefined> {
  const range = query.month
    ? { from: `${query.month}-01`, to: lastDayOf(query.month) }
    : { from: query.from, to: query.to };
  return {
    ...range,
    customer: query.customerId,
    pbx: query.pbxId,
    direction: query.direction,
    area: query.area?.toString(),
    number: query.number,
  };
}

const lastDayOf = (month: string) => {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, number!, 0)).toISOString().slice(0, 10);
};

const RATED = {
  true: Prisma.sql`"ratedAt" IS NOT NULL AND "unratedReason" IS NULL`,
  false: Prisma.sql`("ratedAt" IS NULL OR "unratedReason" IS NOT NULL)`,
};

// Instants leave as the API writes them (ISO 8601, UTC, milliseconds), formatted by PostgreSQL: a page
// of 1,000 calls would otherwise parse and format 3,000 dates in JavaScript.
const iso = (column: string) => Prisma.raw(`to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${column}"`);
const RECORD_COLUMNS = Prisma.sql`"id"::text AS id, "externalId", "customerId", "pbxId", "direction", "fromE164",
  "toE164", "extension", "cost", "endUserCost", "currency", ${iso("ratedAt")}, "unratedReason"`;

const TABLES = {
  calls: {
    statistics: "raw",
    from: Prisma.sql`"CallRecord"`,
    time: "startedAt",
    columns: Prisma.sql`${RECORD_COLUMNS}, ${iso("startedAt")}, ${iso("answeredAt")}, "didE164", "countryCode",
      "area", "disposition", "durationSeconds", "billedSeconds"`,
  },
  sms: {
    statistics: "sms",
    from: Prisma.sql`"SmsRecord"`,
    time: "sentAt",
    columns: Prisma.sql`${RECORD_COLUMNS}, ${iso("sentAt")}, "senderName", "segments"`,
  },
} as const;

type RecordKind = keyof typeof TABLES;

type StoredRecord = {
  id: string;
  cost: Prisma.Decimal | null;
  endUserCost: Prisma.Decimal | null;
  ratedAt: string | null;
  unratedReason: UnratedReason | null;
} & Record<string, string | number | null>;

/**
 * The SQL of one page: the statistics' WHERE (tenant, the partner-local days as plain ranges of the
 * time column, filters) and the row after the cursor, in the order of the (tenant, time) indexes. The
 * row comparison bounds the index scan, so a page deep in a month costs what the first one does; a
 * month or a date range prunes the call table to the partitions of its days.
 */
function recordsPageSql(
  kind: RecordKind,
  where: Prisma.Sql,
  query: Pick<TRecordQuery, "cursor" | "limit" | "rated">,
): Prisma.Sql {
  const { from, time, columns } = TABLES[kind];
  const timeColumn = Prisma.raw(`"${time}"`);
  const conditions = [where];
  if (query.rated) conditions.push(RATED[query.rated]);
  if (query.cursor) {
    const after = new Date(query.cursor[0]);
    // The plain bound beside the row comparison lets the planner drop the partitions before the cursor.
    conditions.push(
      Prisma.sql`${timeColumn} >= ${after} AND (${timeColumn}, "id") > (${after}, ${query.cursor[1]}::bigint)`,
    );
  }
  // The table's own columns to order by: a bare "id" would be the text the SELECT answers, sorted as text.
  return Prisma.sql`SELECT ${columns} FROM ${from} WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${from}.${timeColumn}, ${from}."id" LIMIT ${query.limit + 1}`;
}

/** The SQL of a page as the endpoint runs it, after the statistics' checks (bench/api-records.ts EXPLAINs it). */
export async function recordsPageQuery(db: Db, actor: Actor, kind: RecordKind, query: TRecordQuery, now: Date) {
  const context = await statisticsContext(db, actor, statisticsQueryOf(query), now);
  return recordsPageSql(kind, statisticsWhere(TABLES[kind].statistics, context), query);
}

/**
 * A page of the actor's call or SMS records (the statistics' permission, tenant, filters and
 * prices: `statisticsContext` refuses what the statistics refuse), by keyset on (time, id).
 */
export async function recordsPage(db: Db, actor: Actor, kind: RecordKind, query: TRecordQuery, now: Date) {
  const [sql, pricing] = await Promise.all([recordsPageQuery(db, actor, kind, query, now), endUserPricing(db, actor)]);
  const rows = await db.$queryRaw<StoredRecord[]>(sql);
  const time = TABLES[kind].time;
  const page = pageFrom(rows, query.limit, (row) => [row[time], row.id]);
  const prices = visiblePrices(actor);
  return {
    next: page.next,
    data: page.data.map(({ cost, endUserCost, ratedAt, unratedReason, ...row }) => {
      const notRated = notRatedOf({ ratedAt, unratedReason });
      // A record placed anew waits for rating again: what it cost before is no price, so none shows.
      const money = notRated ? { cost: null, endUserCost: null } : { cost, endUserCost };
      return { ...row, prices: callPrices(prices, pricing, money), notRated };
    }),
  };
}

function notRatedOf(record: { ratedAt: string | null; unratedReason: UnratedReason | null }) {
  const text = notRatedText(record);
  return text === null ? null : { reason: record.unratedReason, text };
}
