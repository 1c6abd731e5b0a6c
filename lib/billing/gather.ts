import type { Prisma } from "@/lib/db/generated/client";
import { localMonthUtcRange, monthBounds } from "@/lib/cdr/rating/rate-month";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * The statements that read one partner's local month for its invoice (docs/decisions/0059), one per
 * kind of line. Every statement takes the same parameters:
 * $1 the partner, $2/$3 the month's UTC bounds widened by 14 h (the call table's partitions prune on
 * them, as rating's do), $4/$5 the local month's first instants as wall-clock times. The local-month
 * condition is rating's own (lib/cdr/rating/sql.ts), so an invoice bills exactly the months
 * `rateMonth` rates (docs/decisions/0041).
 */
const localTime = (at: string) => `((${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")`;
const inMonth = (at: string) =>
  `${at} >= $2 AND ${at} < $3 AND ${localTime(at)} >= $4::timestamp AND ${localTime(at)} < $5::timestamp`;

/** "2026-10-01 00:00:00": a wall-clock time PostgreSQL reads as a timestamp without zone. */
const wallClock = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

export function monthParameters(partnerId: string, month: string) {
  const [from, to] = localMonthUtcRange(month);
  const { start, end } = monthBounds(month);
  return [partnerId, from, to, wallClock(start), wallClock(end)] as const;
}

/** Rated: `ratedAt` set and no reason (docs/decisions/0041). Anything else blocks the month. */
const NOT_RATED = `(r."ratedAt" IS NULL OR r."unratedReason" IS NOT NULL)`;

export interface UnratedCount {
  table: "calls" | "sms";
  /** The stored reason, or NOT_RATED_YET for a record rating has not reached. */
  reason: string;
  count: number;
}

const UNRATED_SQL = `
SELECT 'calls' AS "table", coalesce(r."unratedReason"::text, 'NOT_RATED_YET') AS reason, count(*)::int AS count
FROM "CallRecord" r JOIN "Partner" p ON p.id = r."partnerId"
WHERE r."partnerId" = $1 AND ${inMonth('r."startedAt"')} AND ${NOT_RATED}
GROUP BY 2
UNION ALL
SELECT 'sms', coalesce(r."unratedReason"::text, 'NOT_RATED_YET'), count(*)::int
FROM "SmsRecord" r JOIN "Partner" p ON p.id = r."partnerId"
WHERE r."partnerId" = $1 AND ${inMonth('r."sentAt"')} AND ${NOT_RATED}
GROUP BY 2`;

export interface ChargeRow {
  id: string;
  kind: "ACTIVATION" | "RENEWAL" | "USERS_ADDED";
  description: string;
  amount: string;
  currency: string;
  pbxId: string | null;
  pbxName: string | null;
  createdAt: Date;
}

/** The partner's service charges of the month not invoiced yet (R3, R4; decision 0055's kinds). */
const CHARGES_SQL = `
SELECT sc.id, sc.kind::text AS kind, sc.description, sc.amount::text AS amount, sc.currency,
  s."pbxId", x.name AS "pbxName", sc."createdAt"
FROM "ServiceCharge" sc JOIN "Partner" p ON p.id = sc."partnerId"
LEFT JOIN "ClassoundService" s ON s.id = sc."serviceId"
LEFT JOIN "Pbx" x ON x.id = s."pbxId"
WHERE sc."partnerId" = $1 AND sc."invoiceId" IS NULL AND ${inMonth('sc."createdAt"')}`;

export interface OrderLineRow {
  id: string;
  description: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  formula: string;
  currency: string;
  pbxId: string;
  pbxName: string;
  createdAt: Date;
  sortOrder: number;
}

/**
 * The lines of the partner's completed number orders placed in the month, not invoiced yet (R6, R7:
 * setup and the prorated term fee, decision 0012). A line of 0 (a free setup) bills nothing: left out.
 */
const ORDER_LINES_SQL = `
SELECT l.id, l.description, l.quantity, l."unitPrice"::text AS "unitPrice", l.amount::text AS amount, l.formula,
  o.currency, o."pbxId", x.name AS "pbxName", o."createdAt", l."sortOrder"
FROM "NumberOrderLine" l JOIN "NumberOrder" o ON o.id = l."orderId"
JOIN "Partner" p ON p.id = o."partnerId" JOIN "Pbx" x ON x.id = o."pbxId"
WHERE o."partnerId" = $1 AND o.status = 'COMPLETED' AND l."invoiceId" IS NULL AND l.amount <> 0
  AND ${inMonth('o."createdAt"')}`;

export interface CallUsageRow {
  pbxId: string;
  pbxName: string | null;
  /** Outbound: the Call Termination Area; null for FreePhone. */
  area: number | null;
  /** Inbound FreePhone: the DID's country and the caller's source. */
  countryCode: string | null;
  source: "FIXED" | "MOBILE" | "PAYPHONE" | null;
  currency: string;
  /** The per-minute rate of the version rating stored (`priceListId`), for the formula. */
  perMinute: string | null;
  calls: number;
  seconds: number;
  cost: string;
}

/**
 * Usage in arrears (R5, R7): the costs rating stored, summed per PBX and area (outbound) or per PBX,
 * country and caller source (inbound FreePhone), and per price-list version (a tier change mid-month
 * makes two lines with their own rates). Only calls with a cost: Area 1 calls within the included
 * minutes, unanswered calls and inbound calls to other DIDs cost 0 and bill nothing. Never re-priced:
 * the rate is read back from the version rating used only to state the formula.
 */
const CALLS_SQL = `
SELECT g.*, x.name AS "pbxName", coalesce(ar."perMinute", fr."perMinute")::text AS "perMinute"
FROM (
  SELECT r."pbxId", CASE WHEN r.direction = 'OUTBOUND' THEN r.area END AS area,
    CASE WHEN r.direction = 'INBOUND' THEN r."countryCode" END AS "countryCode",
    CASE WHEN r.direction = 'INBOUND' THEN r."freephoneSource"::text END AS source,
    r."priceListId", r.currency, count(*)::int AS calls, sum(r."billedSeconds")::int AS seconds,
    sum(r.cost)::text AS cost
  FROM "CallRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE r."partnerId" = $1 AND ${inMonth('r."startedAt"')} AND NOT ${NOT_RATED} AND r.cost > 0
  GROUP BY 1, 2, 3, 4, 5, 6
) g
LEFT JOIN "Pbx" x ON x.id = g."pbxId"
LEFT JOIN "AreaRate" ar ON ar."priceListId" = g."priceListId" AND ar.area = g.area
LEFT JOIN "FreephoneMinuteRate" fr ON fr."priceListId" = g."priceListId" AND fr."countryCode" = g."countryCode"
  AND fr.source::text = g.source`;

export interface SmsUsageRow {
  pbxId: string;
  pbxName: string | null;
  currency: string;
  /** Each message's stored cost: the Area 1 rate of the version in force (R15). */
  unitPrice: string;
  messages: number;
  cost: string;
}

/** R15: SMS past each user's 200 of the month, per PBX and per price (one price per version). */
const SMS_SQL = `
SELECT g.*, x.name AS "pbxName"
FROM (
  SELECT r."pbxId", r.currency, r.cost::text AS "unitPrice", count(*)::int AS messages, sum(r.cost)::text AS cost
  FROM "SmsRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE r."partnerId" = $1 AND ${inMonth('r."sentAt"')} AND NOT ${NOT_RATED} AND r.cost > 0
  GROUP BY r."pbxId", r.currency, r.cost
) g
LEFT JOIN "Pbx" x ON x.id = g."pbxId"`;

type Params = ReturnType<typeof monthParameters>;

/** The month's records not rated, per table and reason, in a fixed order (code points, not collation). */
export async function unratedCounts(tx: Tx, params: Params) {
  const rows = await tx.$queryRawUnsafe<UnratedCount[]>(UNRATED_SQL, ...params);
  const key = (u: UnratedCount) => `${u.table} ${u.reason}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Everything the month bills, read in the run's transaction (under the rating locks: one state). */
export async function gatherMonth(tx: Tx, params: Params) {
  return {
    charges: await tx.$queryRawUnsafe<ChargeRow[]>(CHARGES_SQL, ...params),
    orderLines: await tx.$queryRawUnsafe<OrderLineRow[]>(ORDER_LINES_SQL, ...params),
    calls: await tx.$queryRawUnsafe<CallUsageRow[]>(CALLS_SQL, ...params),
    sms: await tx.$queryRawUnsafe<SmsUsageRow[]>(SMS_SQL, ...params),
  };
}
export type MonthGathered = Awaited<ReturnType<typeof gatherMonth>>;
