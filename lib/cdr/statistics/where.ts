import type { Actor } from "@/lib/auth/actor";
import { scope } from "@/lib/auth/policy";
import { rankingPeriod } from "@/lib/cdr/rollups/number-top";
import { Prisma } from "@/lib/db/generated/client";
import { dateRange, numberPattern, type TStatisticsFilters } from "./filters";
import { localMidnight, viewZone, type TPartnerZone } from "./day-labels";
import { localDaysSql } from "./zone";

/** Where a figure is computed: a roll-up table, or the raw call table (the oracle, the benchmark, a number filter). */
export type TStatisticsTable = "daily" | "hourly" | "numbers" | "top" | "users" | "raw" | "sms";

// The tables of instants carry their partner's time zone, which gives each row its local day (./zone).
// A LEFT JOIN on the partner's key (every row has one, a foreign key): PostgreSQL then drops the join
// from a query that reads no "timeZone" (the per-zone ranges of a view whose partners are known).
const withPartnerZone = (table: string) =>
  Prisma.raw(
    `(SELECT t.*, p."timeZone" FROM "${table}" t LEFT JOIN "Partner" p ON p."id" = t."partnerId") AS "${table}"`,
  );

export const TABLE_SQL: Record<TStatisticsTable, Prisma.Sql> = {
  daily: Prisma.raw('"CallDailyRollup"'),
  hourly: withPartnerZone("CallHourlyRollup"),
  numbers: Prisma.raw('"CallNumberDailyRollup"'),
  top: Prisma.raw('"CallNumberTop"'),
  users: Prisma.raw('"CallUserDailyRollup"'),
  raw: withPartnerZone("CallRecord"),
  sms: withPartnerZone("SmsRecord"),
};

/** A figure's call count and seconds on a table: raw rows are counted, roll-up rows summed. */
export const calls = (t: TStatisticsTable) => (t === "raw" ? Prisma.sql`count(*)::int` : Prisma.sql`sum("calls")::int`);
export const seconds = (t: TStatisticsTable) =>
  t === "raw" ? Prisma.sql`sum("durationSeconds")::float8` : Prisma.sql`sum("seconds")::float8`;

const TIME_COLUMN: Record<TStatisticsTable, Prisma.Sql> = {
  daily: Prisma.sql`"day"`,
  hourly: Prisma.sql`"hour"`,
  numbers: Prisma.sql`"day"`,
  top: Prisma.sql`"fromDay"`,
  users: Prisma.sql`"day"`,
  raw: Prisma.sql`"startedAt"`,
  sms: Prisma.sql`"sentAt"`,
};

export interface TStatisticsScope {
  actor: Actor;
  filters: TStatisticsFilters;
  /** Overrides the filters' dates (the month-to-date cost ignores the chosen range). */
  range?: { from: Date; toExclusive: Date };
  now?: Date;
  /** The partners in view by time zone (`viewZones`): which calendar names "today" (`viewZone`). */
  zones?: readonly TPartnerZone[];
  /**
   * Which party a number filter looks at on the raw tables: either (a call of the PBX's number or with
   * the other party's) or, for top numbers, the other party only, like the number roll-up's column.
   */
  numberParty?: TNumberParty;
}

export type TNumberParty = "either" | "other";

/**
 * The WHERE clause of a statistics query on `table`: the actor's tenant AND every filter. The tenant
 * comes from the policy, never from the filters, so a foreign id in a filter only narrows to nothing.
 */
export function statisticsWhere(
  table: TStatisticsTable,
  { actor, filters, range, now, zones, numberParty }: TStatisticsScope,
): Prisma.Sql {
  return tenantStatisticsWhere(
    table,
    { tenant: scope.callTenant(actor), filters, range: range ?? dateRange(filters, now, viewZone(zones)), zones },
    numberParty,
  );
}

/** The call tables' tenant key: a partner's or a customer's id, or null for everyone (an admin). */
export type TCallTenant = ReturnType<typeof scope.callTenant>;

/** A tenant, filters and dates: what a statistics query selects once the actor is resolved (a job keeps it). */
export interface TStatisticsView {
  tenant: TCallTenant;
  filters: Pick<TStatisticsFilters, "partner" | "customer" | "pbx" | "direction" | "area" | "number">;
  range: { from: Date; toExclusive: Date };
  /** The view's partners by zone, when known: the tables of instants then read plain ranges (./zone). */
  zones?: readonly TPartnerZone[];
}

/**
 * Whose calls a view reads, whatever the table: the tenant's AND the partner, customer and PBX its
 * filters name (every call and roll-up table carries these three keys).
 */
export function tenantAndPlaceConditions(
  tenant: TCallTenant,
  filters: Pick<TStatisticsFilters, "partner" | "customer" | "pbx">,
): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (tenant) conditions.push(Prisma.sql`${Prisma.raw(`"${tenant.column}"`)} = ${tenant.id}`);
  if (filters.partner) conditions.push(Prisma.sql`"partnerId" = ${filters.partner}`);
  if (filters.customer) conditions.push(Prisma.sql`"customerId" = ${filters.customer}`);
  if (filters.pbx) conditions.push(Prisma.sql`"pbxId" = ${filters.pbx}`);
  return conditions;
}

/** `statisticsWhere` for a tenant the policy already resolved from an actor. */
export function tenantStatisticsWhere(
  table: TStatisticsTable,
  { tenant, filters, range, zones }: TStatisticsView,
  numberParty: TNumberParty = "either",
): Prisma.Sql {
  const { from, toExclusive } = range;
  const time = TIME_COLUMN[table];
  const isDay = table === "daily" || table === "numbers" || table === "users";
  const conditions: Prisma.Sql[] = [
    table === "top"
      ? rankingOf(time, { from, toExclusive })
      : isDay
        ? Prisma.sql`${time} >= ${from}::date AND ${time} < ${toExclusive}::date`
        : localDaysSql(time, { from, toExclusive }, zones),
  ];
  conditions.push(...tenantAndPlaceConditions(tenant, filters));
  if (filters.direction) conditions.push(Prisma.sql`"direction" = ${filters.direction}::"CallDirection"`);
  if (filters.area) conditions.push(Prisma.sql`"area" = ${filters.area}`);
  if (table === "top") conditions.push(rankingScope(tenant?.column, filters));
  if (filters.number) conditions.push(numberCondition(table, numberPattern(filters.number), numberParty));
  return Prisma.join(conditions, " AND ");
}

/**
 * A number filter's condition: a LIKE on the number columns, read among the rows the tenant and date
 * conditions select by index (a month's calls of one tenant), so no index on the digits is needed.
 */
function numberCondition(table: TStatisticsTable, pattern: string, party: TNumberParty): Prisma.Sql {
  if (table === "numbers") return Prisma.sql`"number" LIKE ${pattern}`;
  if (table === "raw" && party === "other")
    return Prisma.sql`(CASE WHEN "direction" = 'OUTBOUND' THEN "toE164" ELSE "fromE164" END) LIKE ${pattern}`;
  if (table === "raw" || table === "sms") return Prisma.sql`("fromE164" LIKE ${pattern} OR "toE164" LIKE ${pattern})`;
  throw new Error(`The ${table} roll-up has no number: a number filter is answered from the raw table.`);
}

/** The one ranking period starting on the range's first day: a range holds many days, not many periods. */
function rankingOf(time: Prisma.Sql, range: { from: Date; toExclusive: Date }): Prisma.Sql {
  const period = rankingPeriod(range);
  if (!period) throw new Error("Only a day or a calendar month has a top-numbers ranking.");
  return Prisma.sql`"period" = ${period}::"CallTopPeriod" AND ${time} = ${range.from}::date`;
}

/**
 * Which of a period's rankings answers: the narrowest scope the tenant and the filters name (the
 * tenant and filter keys above then pick its rows), over one area or all of them.
 */
function rankingScope(tenant: "partnerId" | "customerId" | undefined, filters: TStatisticsView["filters"]): Prisma.Sql {
  const kind = filters.pbx
    ? "PBX"
    : filters.customer || tenant === "customerId"
      ? "CUSTOMER"
      : filters.partner || tenant === "partnerId"
        ? "PARTNER"
        : "ALL";
  return Prisma.sql`"scopeKind" = ${kind}::"CallTopScopeKind" AND "allAreas" = ${filters.area === undefined}`;
}

/**
 * The same filters as a Prisma where-input on the raw call table, for the call list and its export:
 * the days, in each of the view's time zones, of the partners in that zone.
 */
export function callRecordWhere({
  actor,
  filters,
  now,
  zones,
}: TStatisticsScope & { zones: readonly TPartnerZone[] }): Prisma.CallRecordWhereInput {
  const { from, toExclusive } = dateRange(filters, now, viewZone(zones));
  return {
    AND: [
      scope.callRecords(actor),
      {
        // No partner in view: no call (an empty OR would match every row).
        OR: zones.length
          ? zones.map(({ zone, partnerIds }) => ({
              partnerId: { in: partnerIds },
              startedAt: { gte: localMidnight(from, zone), lt: localMidnight(toExclusive, zone) },
            }))
          : [{ id: { lt: 0n } }],
        partnerId: filters.partner,
        customerId: filters.customer,
        pbxId: filters.pbx,
        direction: filters.direction,
        area: filters.area,
      },
      filters.number ? { OR: [{ fromE164: numberLike(filters.number) }, { toE164: numberLike(filters.number) }] } : {},
    ],
  };
}

/** `numberPattern` as a Prisma string filter. */
const numberLike = (number: string): Prisma.StringFilter =>
  number.startsWith("+") ? { startsWith: number } : { contains: number };
