import type { Prisma } from "@/lib/db/generated/client";
import { localMonthUtcRange, monthBounds } from "@/lib/cdr/rating/rate-month";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * The statements that read partners' local month for their invoices (docs/decisions/0059, 0064), one
 * per kind of line, each for a whole batch of partners at once (GROUP BY partner: one pass over the
 * month's calls however many partners), every row naming its partner. Every statement takes the same
 * parameters (`batchParameters`): $1 the partners (text[]), $2/$3 the month's UTC bounds widened by
 * 14 h (the call table's partitions prune on them, as rating's do), $4/$5 the local month's first instants as wall-clock times. The local-month
 * condition is rating's own (lib/cdr/rating/sql.ts), so an invoice bills exactly the months
 * `rateMonth` rates (docs/decisions/0041).
 */
const localTime = (at: string) => `((${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")`;
const inMonth = (at: string) =>
  `${at} >= $2 AND ${at} < $3 AND ${localTime(at)} >= $4::timestamp AND ${localTime(at)} < $5::timestamp`;

/** "2026-10-01 00:00:00": a wall-clock time PostgreSQL reads as a timestamp without zone. */
const wallClock = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

/** One partner's month: $1 the partner (other statements of its month take these too, lib/billing/resale/). */
export function monthParameters(partnerId: string, month: string) {
  const [from, to] = localMonthUtcRange(month);
  const { start, end } = monthBounds(month);
  return [partnerId, from, to, wallClock(start), wallClock(end)] as const;
}
type Params = ReturnType<typeof monthParameters>;

/** A batch of partners' month (the same month for all): $1 the partners. */
export function batchParameters(partnerIds: readonly string[], month: string) {
  const [, ...rest] = monthParameters("", month);
  return [[...partnerIds], ...rest] as const;
}
type BatchParams = ReturnType<typeof batchParameters>;

const OF_PARTNERS = (column: string) => `${column} = ANY($1::text[])`;

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

/** What every row of a batch's statements carries: its partner. */
interface OfPartner {
  partnerId: string;
}

/** A group of the month's records not rated (`unrated` set: its reason), read in the same pass as the usage. */
interface MaybeUnrated {
  unrated: string | null;
}

export interface ChargeRow extends OfPartner {
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
SELECT sc."partnerId", sc.id, sc.kind::text AS kind, sc.description, sc.amount::text AS amount, sc.currency,
  s."pbxId", x.name AS "pbxName", sc."createdAt"
FROM "ServiceCharge" sc JOIN "Partner" p ON p.id = sc."partnerId"
LEFT JOIN "ClassoundService" s ON s.id = sc."serviceId"
LEFT JOIN "Pbx" x ON x.id = s."pbxId"
WHERE ${OF_PARTNERS('sc."partnerId"')} AND sc."invoiceId" IS NULL AND ${inMonth('sc."createdAt"')}`;

export interface OrderLineRow extends OfPartner {
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
  orderId: string;
  sortOrder: number;
}

/**
 * The lines of the partner's completed number orders placed in the month, not invoiced yet (R6, R7:
 * setup and the prorated term fee, decision 0012). A line of 0 (a free setup) bills nothing: left out.
 */
const ORDER_LINES_SQL = `
SELECT o."partnerId", l.id, l.description, l.quantity, l."unitPrice"::text AS "unitPrice", l.amount::text AS amount, l.formula,
  o.currency, o."pbxId", x.name AS "pbxName", o."createdAt", l."orderId", l."sortOrder"
FROM "NumberOrderLine" l JOIN "NumberOrder" o ON o.id = l."orderId"
JOIN "Partner" p ON p.id = o."partnerId" JOIN "Pbx" x ON x.id = o."pbxId"
WHERE ${OF_PARTNERS('o."partnerId"')} AND o.status = 'COMPLETED' AND l."invoiceId" IS NULL AND l.amount <> 0
  AND ${inMonth('o."createdAt"')}`;

export interface CallUsageRow extends OfPartner {
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
 * the rate is read back from the version rating used only to state the formula. The same pass counts
 * the calls not rated (`unrated`: the reason), which block their partner's month (docs/decisions/0041).
 */
const CALLS_SQL = `
SELECT g.*, x.name AS "pbxName", coalesce(ar."perMinute", fr."perMinute")::text AS "perMinute"
FROM (
  SELECT r."partnerId", r."pbxId",
    CASE WHEN ${NOT_RATED} THEN coalesce(r."unratedReason"::text, 'NOT_RATED_YET') END AS unrated,
    CASE WHEN r.direction = 'OUTBOUND' THEN r.area END AS area,
    CASE WHEN r.direction = 'INBOUND' THEN r."countryCode" END AS "countryCode",
    CASE WHEN r.direction = 'INBOUND' THEN r."freephoneSource"::text END AS source,
    r."priceListId", r.currency, count(*)::int AS calls, sum(r."billedSeconds")::int AS seconds,
    sum(r.cost)::text AS cost
  FROM "CallRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE ${OF_PARTNERS('r."partnerId"')} AND ${inMonth('r."startedAt"')} AND (${NOT_RATED} OR r.cost > 0)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
) g
LEFT JOIN "Pbx" x ON x.id = g."pbxId"
LEFT JOIN "AreaRate" ar ON ar."priceListId" = g."priceListId" AND ar.area = g.area
LEFT JOIN "FreephoneMinuteRate" fr ON fr."priceListId" = g."priceListId" AND fr."countryCode" = g."countryCode"
  AND fr.source::text = g.source`;

export interface SmsUsageRow extends OfPartner {
  pbxId: string;
  pbxName: string | null;
  currency: string;
  /** Each message's stored cost: the Area 1 rate of the version in force (R15). */
  unitPrice: string;
  messages: number;
  cost: string;
}

/** R15: SMS past each user's 200 of the month, per PBX and per price (one price per version); and the unrated. */
const SMS_SQL = `
SELECT g.*, x.name AS "pbxName"
FROM (
  SELECT r."partnerId", r."pbxId",
    CASE WHEN ${NOT_RATED} THEN coalesce(r."unratedReason"::text, 'NOT_RATED_YET') END AS unrated,
    r.currency, r.cost::text AS "unitPrice", count(*)::int AS messages, sum(r.cost)::text AS cost
  FROM "SmsRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE ${OF_PARTNERS('r."partnerId"')} AND ${inMonth('r."sentAt"')} AND (${NOT_RATED} OR r.cost > 0)
  GROUP BY 1, 2, 3, 4, r.cost
) g
LEFT JOIN "Pbx" x ON x.id = g."pbxId"`;

/** Per table and reason, in a fixed order (code points, not collation). */
const byTableAndReason = (a: UnratedCount, b: UnratedCount) => {
  const key = (u: UnratedCount) => `${u.table} ${u.reason}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

/** One partner's records of the month not rated, per table and reason (the run reads them with the usage). */
export async function unratedCounts(tx: Tx, params: Params) {
  return (await tx.$queryRawUnsafe<UnratedCount[]>(UNRATED_SQL, ...params)).sort(byTableAndReason);
}

/** One partner's month as the run reads it: what blocks it, and what it bills. */
export interface PartnerMonth {
  /** Records not rated, per table and reason, in a fixed order (code points, not collation). */
  unrated: UnratedCount[];
  charges: ChargeRow[];
  orderLines: OrderLineRow[];
  calls: CallUsageRow[];
  sms: SmsUsageRow[];
}
export type MonthGathered = Pick<PartnerMonth, "charges" | "orderLines" | "calls" | "sms">;

/**
 * Everything the month bills, for every partner of `params` (in the run's transaction, under the
 * rating locks: one state), one statement per kind. A partner with nothing gets an empty month.
 */
export async function gatherPartnerMonths(tx: Tx, params: BatchParams): Promise<Map<string, PartnerMonth>> {
  const [charges, orderLines, calls, sms] = [
    await tx.$queryRawUnsafe<ChargeRow[]>(CHARGES_SQL, ...params),
    await tx.$queryRawUnsafe<OrderLineRow[]>(ORDER_LINES_SQL, ...params),
    await tx.$queryRawUnsafe<(CallUsageRow & MaybeUnrated)[]>(CALLS_SQL, ...params),
    await tx.$queryRawUnsafe<(SmsUsageRow & MaybeUnrated)[]>(SMS_SQL, ...params),
  ];
  const months = new Map<string, PartnerMonth>(
    params[0].map((id) => [id, { unrated: [], charges: [], orderLines: [], calls: [], sms: [] }]),
  );
  const of = (row: OfPartner) => months.get(row.partnerId)!;
  const countUnrated = ({ unrated }: PartnerMonth, table: UnratedCount["table"], reason: string, count: number) => {
    const same = unrated.find((u) => u.table === table && u.reason === reason);
    if (same) same.count += count;
    else unrated.push({ table, reason, count });
  };
  for (const row of charges) of(row).charges.push(row);
  for (const row of orderLines) of(row).orderLines.push(row);
  for (const row of calls)
    if (row.unrated) countUnrated(of(row), "calls", row.unrated, row.calls);
    else of(row).calls.push(row);
  for (const row of sms)
    if (row.unrated) countUnrated(of(row), "sms", row.unrated, row.messages);
    else of(row).sms.push(row);
  for (const month of months.values()) month.unrated.sort(byTableAndReason);
  return months;
}

/** One partner's month (its unrated records and what it bills): the same statements as a batch of one. */
export async function gatherMonth(tx: Tx, params: Params): Promise<PartnerMonth> {
  const [partnerId, ...rest] = params;
  return (await gatherPartnerMonths(tx, [[partnerId], ...rest])).get(partnerId)!;
}
