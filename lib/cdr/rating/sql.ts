import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";

const INCLUDED_AREA1_SECONDS = INCLUDED_PER_USER.area1Minutes * 60;

/**
 * The price-list version of each tier in force over time, the End User tier's, and each partner's
 * tier over time (docs/decisions/0041): a call is rated with the version in force when it started of
 * the tier the partner had then (R8 versions, lib/pricing/price-list-in-force.ts), so a tier change
 * from a date never re-prices earlier calls. A draft is no version (docs/decisions/0057): left out
 * before the window, so it never ends the version before it either.
 */
const VERSIONS = `versions AS (
  SELECT pl.id, pl."tierId", pl.currency, pl."validFrom",
    lead(pl."validFrom") OVER (PARTITION BY pl."tierId" ORDER BY pl."validFrom") AS "validTo"
  FROM "PriceList" pl WHERE pl."publishedAt" IS NOT NULL
), end_user_tier AS (
  SELECT id FROM "PriceListTier" WHERE code = $4
), tier_periods AS (
  SELECT tp."partnerId", tp."tierId", tp."validFrom",
    lead(tp."validFrom") OVER (PARTITION BY tp."partnerId" ORDER BY tp."validFrom") AS "validTo"
  FROM "PartnerTierPeriod" tp
)`;

const IN_FORCE = (alias: string, tier: string, at: string) =>
  `LEFT JOIN versions ${alias} ON ${alias}."tierId" = ${tier} AND ${at} >= ${alias}."validFrom" AND (${alias}."validTo" IS NULL OR ${at} < ${alias}."validTo")`;

/** The partner's tier period in force at `at` (every partner has one from 1970 on). */
const TIER_AT = (alias: string, partner: string, at: string) =>
  `LEFT JOIN tier_periods ${alias} ON ${alias}."partnerId" = ${partner} AND ${at} >= ${alias}."validFrom" AND (${alias}."validTo" IS NULL OR ${at} < ${alias}."validTo")`;

/**
 * The partner-local month (docs/decisions/0041): $1 and $2 are the month's UTC bounds widened by 14 h
 * (for partition pruning), $6 and $7 the local month's first instants as timestamps without zone.
 */
const IN_LOCAL_MONTH = (at: string, zone: string) =>
  `${localTime(at, zone)} >= $6::timestamp AND ${localTime(at, zone)} < $7::timestamp`;

/** A UTC timestamp as the wall-clock time in `zone`. */
const localTime = (at: string, zone: string) => `((${at} AT TIME ZONE 'UTC') AT TIME ZONE ${zone})`;

/**
 * An inbound call charged as a FreePhone call (R7): the one condition billing and the unrated reasons
 * share. The DID's type in the inventory decides, stored at ingest (decision 0043); the CDR's source
 * only picks the rate (R6: a call to any other DID is free, whatever its source says).
 */
const FREEPHONE_INBOUND = `"numberType" = 'FREEPHONE'`;

/** Per-second billing of a per-minute price, to the 5 decimals money is stored with (half up). */
const charge = (perMinute: string, seconds: string) => `round(${perMinute} * ${seconds} / 60.0, 5)`;

/**
 * What a rating statement answers: per PBX, the first and last start of the records it wrote, the
 * first and last of their partner-local day labels (as the roll-ups key them), and how many: the
 * roll-ups of those days and PBXs are what it changed.
 */
const LOCAL_DAY = `${localTime("ch.at", 'p."timeZone"')}::date`;
const CHANGED_BY_PBX = `SELECT ch."pbxId", min(ch.at) AS first, max(ch.at) AS last,
  min(${LOCAL_DAY}) AS "firstDay", max(${LOCAL_DAY}) AS "lastDay", count(*)::int AS changed
FROM changed ch JOIN "Partner" p ON p.id = ch."partnerId" GROUP BY 1`;

/** Which records a rating prices: the whole scope, or only from each user's first record not rated yet. */
export type RatingScope = "month" | "new";

/**
 * One kind of record a user's included allowance counts (R5 calls, R15 SMS), aliased `c` when read:
 * `counts` says whether a record uses the allowance, `amount` how much, `total` the column of
 * "IncludedUsageMonth" that keeps the user's sum.
 */
interface Allowance {
  table: string;
  at: string;
  columns: string;
  counts: (alias: string) => string;
  amount: (alias: string) => string;
  total: '"area1Seconds"' | '"smsSent"';
}

/** R5: an answered outgoing call to Area 1 uses its seconds. */
const CALL_ALLOWANCE: Allowance = {
  table: '"CallRecord"',
  at: '"startedAt"',
  // Each call's country, area and DID type were stored at ingest from the numbers themselves
  // (decision 0043): rating reads them and never re-derives them.
  columns: `c.id, c."startedAt", c.direction, c.extension, coalesce(c.extension, '') AS ext, c."pbxId",
    c."durationSeconds", c.disposition, c."freephoneSource", c."partnerId", c."numberType", c."countryCode" AS country,
    CASE WHEN c.direction = 'OUTBOUND' THEN c.area END AS area`,
  counts: (a) => `${a}.direction = 'OUTBOUND' AND ${a}.area = 1 AND ${a}.disposition = 'ANSWERED'`,
  amount: (a) => `${a}."durationSeconds"`,
  total: '"area1Seconds"',
};

/** R15: a sent message uses one. */
const SMS_ALLOWANCE: Allowance = {
  table: '"SmsRecord"',
  at: '"sentAt"',
  columns: `c.id, c."sentAt", c.direction, c."partnerId", c."pbxId", coalesce(c.extension, '') AS ext`,
  counts: (a) => `${a}.direction = 'OUTBOUND'`,
  amount: () => "1",
  total: '"smsSent"',
};

/**
 * The records a rating prices, as the CTE `records`, each with `used_earlier`: what its user used of
 * the allowance in records before the first one priced here (0 when the whole scope is). "new" reads
 * only the users with records not rated yet, each from its first such record on: the user's kept
 * total less what the rated records priced again used (docs/decisions/0052). Not materialized: the
 * pricing and the totals each read it, and materialized (PostgreSQL's default for a CTE read twice) a
 * month of millions of rows would first be written aside (not measured against reading it twice).
 */
function recordsToRate(scope: RatingScope, { table, at, columns, counts, amount, total }: Allowance) {
  const inMonth = `c.${at} >= $1 AND c.${at} < $2 AND ${IN_LOCAL_MONTH(`c.${at}`, 'p."timeZone"')}`;
  const inScope = `${inMonth} AND ($3::text IS NULL OR c."partnerId" = $3) AND ($5::text[] IS NULL OR c."pbxId" = ANY($5))`;
  if (scope === "month")
    return `records AS NOT MATERIALIZED (
  SELECT ${columns}, 0::bigint AS used_earlier
  FROM ${table} c JOIN "Partner" p ON p.id = c."partnerId"
  WHERE ${inScope}
)`;
  return `fresh AS (
  SELECT n."pbxId", n.ext, n.since, coalesce(u.${total}, 0) AS kept
  FROM (
    SELECT c."pbxId", coalesce(c.extension, '') AS ext, min(c.${at}) AS since
    FROM ${table} c JOIN "Partner" p ON p.id = c."partnerId"
    WHERE c."ratedAt" IS NULL AND ${inScope}
    GROUP BY 1, 2
  ) n
  LEFT JOIN "IncludedUsageMonth" u ON u.month = $6::timestamp::date AND u."pbxId" = n."pbxId" AND u.extension = n.ext
), records AS NOT MATERIALIZED (
  -- Each PBX read once from its users' first new record; each user kept from its own.
  SELECT ${columns}, f.kept - coalesce(sum(${amount("c")}) FILTER (WHERE c."ratedAt" IS NOT NULL AND ${counts("c")})
    OVER (PARTITION BY c."pbxId", coalesce(c.extension, '')), 0) AS used_earlier
  FROM (SELECT "pbxId", min(since) AS since FROM fresh GROUP BY 1) pbx
  JOIN ${table} c ON c."pbxId" = pbx."pbxId" AND c.${at} >= pbx.since
  JOIN fresh f ON f."pbxId" = c."pbxId" AND f.ext = coalesce(c.extension, '') AND c.${at} >= f.since
  JOIN "Partner" p ON p.id = c."partnerId"
  WHERE ${inMonth}
)`;
}

/**
 * The CTE `totals`: each rated user's total over the month's records rated so far, those of `records`
 * included, kept for the next incremental rating. Written only where it changes.
 */
function keepTotals({ counts, amount, total }: Allowance) {
  const sum = `max(used_earlier) + coalesce(sum(${amount("records")}) FILTER (WHERE ${counts("records")}), 0)`;
  return `totals AS (
  INSERT INTO "IncludedUsageMonth" (month, "pbxId", extension, "partnerId", "area1Seconds", "smsSent")
  SELECT $6::timestamp::date, "pbxId", ext, min("partnerId"),
    ${total === '"area1Seconds"' ? sum : 0}, ${total === '"smsSent"' ? sum : 0}
  FROM records GROUP BY "pbxId", ext
  ON CONFLICT (month, "pbxId", extension) DO UPDATE SET ${total} = EXCLUDED.${total}
    WHERE "IncludedUsageMonth".${total} <> EXCLUDED.${total}
)`;
}

function rateCallsSql(scope: RatingScope) {
  return `
WITH ${VERSIONS},
${recordsToRate(scope, CALL_ALLOWANCE)}, used AS (
  SELECT records.*,
    CASE WHEN ${CALL_ALLOWANCE.counts("records")} THEN
      used_earlier + coalesce(sum("durationSeconds") FILTER (WHERE ${CALL_ALLOWANCE.counts("records")}) OVER (
        PARTITION BY "pbxId", ext ORDER BY "startedAt", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
    END AS used_before
  FROM records
), ${keepTotals(CALL_ALLOWANCE)}, billed AS (
  SELECT used.*,
    CASE
      WHEN disposition <> 'ANSWERED' THEN 0
      WHEN direction = 'OUTBOUND' AND area = 1 THEN
        greatest(0, used_before + "durationSeconds" - ${INCLUDED_AREA1_SECONDS}) - greatest(0, used_before - ${INCLUDED_AREA1_SECONDS})
      WHEN direction = 'OUTBOUND' AND area IS NOT NULL THEN "durationSeconds"
      WHEN direction = 'INBOUND' AND ${FREEPHONE_INBOUND} THEN "durationSeconds"
      ELSE 0
    END AS billed_seconds
  FROM used
), reasons AS (
  -- Why the partner's price cannot be known (null: it can). Only a call that is charged by nature
  -- (answered outbound, answered inbound FreePhone) can lack a price; whether its seconds fall within
  -- the included minutes does not matter: a tier without a version, or a version without the rate,
  -- cannot price that call at all.
  SELECT b.*, tp."tierId" AS tier_id, own.id AS price_list_id, own.currency,
    own_area."perMinute" AS own_area_rate, own_fp."perMinute" AS own_fp_rate,
    eu.id AS eu_list_id, eu_area."perMinute" AS eu_area_rate, eu_fp."perMinute" AS eu_fp_rate
  FROM (SELECT billed.*, coalesce(disposition = 'ANSWERED' AND (direction = 'OUTBOUND' OR ${FREEPHONE_INBOUND}), false) AS chargeable
        FROM billed) b
  LEFT JOIN end_user_tier ON true
  ${TIER_AT("tp", 'b."partnerId"', 'b."startedAt"')}
  ${IN_FORCE("own", 'tp."tierId"', 'b."startedAt"')}
  ${IN_FORCE("eu", "end_user_tier.id", 'b."startedAt"')}
  LEFT JOIN "AreaRate" own_area ON own_area."priceListId" = own.id AND own_area.area = b.area
  LEFT JOIN "AreaRate" eu_area ON eu_area."priceListId" = eu.id AND eu_area.area = b.area
  LEFT JOIN "FreephoneMinuteRate" own_fp ON own_fp."priceListId" = own.id AND own_fp."countryCode" = b.country AND own_fp.source = b."freephoneSource"
  LEFT JOIN "FreephoneMinuteRate" eu_fp ON eu_fp."priceListId" = eu.id AND eu_fp."countryCode" = b.country AND eu_fp.source = b."freephoneSource"
), reasoned AS (
  SELECT x.*,
    CASE WHEN NOT x.chargeable THEN NULL
         WHEN x.direction = 'OUTBOUND' AND x.area IS NULL THEN 'UNKNOWN_NUMBER'
         WHEN x.direction = 'INBOUND' AND x.country IS NULL THEN 'UNKNOWN_NUMBER'
         WHEN x.direction = 'INBOUND' AND x."freephoneSource" IS NULL THEN 'NO_FREEPHONE_SOURCE'
         WHEN x.price_list_id IS NULL THEN 'NO_PRICE_LIST'
         WHEN coalesce(x.own_area_rate, x.own_fp_rate) IS NULL THEN 'NO_RATE'
    END::"UnratedReason" AS unrated_reason
  FROM reasons x
), rated AS (
  -- Unrated: no cost (null), never 0. The End User price follows: null when the partner's price is,
  -- or when the End User list cannot price the call.
  SELECT r.id, r."startedAt", r.billed_seconds, r.price_list_id, r.currency, r.unrated_reason,
    CASE WHEN r.unrated_reason IS NOT NULL THEN NULL
         WHEN NOT r.chargeable OR r.billed_seconds = 0 THEN 0
         ELSE ${charge("coalesce(r.own_area_rate, r.own_fp_rate)", "r.billed_seconds")} END AS cost,
    CASE WHEN NOT r.chargeable THEN 0
         WHEN r.unrated_reason IS NOT NULL OR coalesce(r.eu_area_rate, r.eu_fp_rate) IS NULL THEN NULL
         WHEN r.billed_seconds = 0 THEN 0
         ELSE ${charge("coalesce(r.eu_area_rate, r.eu_fp_rate)", "r.billed_seconds")} END AS end_user_cost
  FROM reasoned r
), changed AS (
-- Country and area are the stored ones (an inbound call's area is never stored): not written back.
UPDATE "CallRecord" c SET "billedSeconds" = r.billed_seconds,
  cost = r.cost, "endUserCost" = r.end_user_cost, currency = coalesce(r.currency, c.currency),
  "priceListId" = r.price_list_id, "unratedReason" = r.unrated_reason, "ratedAt" = now()
FROM rated r
WHERE c.id = r.id AND c."startedAt" = r."startedAt" AND c."startedAt" >= $1 AND c."startedAt" < $2
  AND (c."billedSeconds", c.cost, c."endUserCost", c."priceListId", c."unratedReason", c."ratedAt" IS NULL)
    IS DISTINCT FROM (r.billed_seconds, r.cost, r.end_user_cost, r.price_list_id, r.unrated_reason, false)
RETURNING c."pbxId", c."partnerId", c."startedAt" AS at
)
${CHANGED_BY_PBX}`;
}

/**
 * Rates every call of one partner-local month, optionally one partner's ($3) or some PBXs'
 * ($5), at the partner's tier and at the End User price ($4 is the End User tier's code):
 * - the destination (outgoing) or the DID's country (incoming) and the number type as the import stored them
 *   (placed by the numbering plan and the inventory, decision 0043);
 * - R5: Area 1 seconds come first from the caller's (extension's) own 3000 minutes of the month,
 *   in the order the calls started; the seconds past them, and Areas 2-6 from the first second,
 *   are charged per second at the area's per-minute rate;
 * - R7: an incoming FreePhone call is charged per second at the per-minute rate of the caller's
 *   source in the DID's country; other incoming calls are free (R6); unanswered calls cost nothing.
 * - a call that cannot be priced (unknown number, no version for the partner's tier then, no rate)
 *   keeps cost null and its `unratedReason` (docs/decisions/0041), never 0;
 * - the month is the partner's calendar month ($6 <= local start < $7; $1, $2 its UTC bounds widened).
 * Only rows whose rating changes are written, so a re-run over the same data writes nothing. Answers
 * the written rows' PBXs, first and last starts and counts (`CHANGED_BY_PBX`).
 */
export const RATE_CALLS_SQL = rateCallsSql("month");

/**
 * Incremental rating (docs/decisions/0052): the same rules and parameters as RATE_CALLS_SQL, over
 * only the users (PBX and extension) with calls not rated yet, each from its first such call on (a
 * late call re-rates its user's later calls, and only those). The seconds a user used before that
 * call come from its kept total ("IncludedUsageMonth") less those of the rated calls rated again.
 */
export const RATE_NEW_CALLS_SQL = rateCallsSql("new");

/**
 * R15: a user's first 200 SMS sent in the partner-local month are included (received messages are
 * free and do not count); each one sent after them costs the Area 1 per-minute rate of the version in
 * force (`AreaRate` area 1, not a separate SMS price). With no version for the partner's tier, or no
 * Area 1 rate in it, a sent message is unrated (cost null), never 0. Same parameters as RATE_CALLS_SQL.
 */
export const RATE_SMS_SQL = rateSmsSql("month");

/** Incremental rating of SMS: as RATE_NEW_CALLS_SQL for calls. */
export const RATE_NEW_SMS_SQL = rateSmsSql("new");

function rateSmsSql(scope: RatingScope) {
  return `
WITH ${VERSIONS},
${recordsToRate(scope, SMS_ALLOWANCE)}, ${keepTotals(SMS_ALLOWANCE)}, ranked AS (
  SELECT records.*, CASE WHEN ${SMS_ALLOWANCE.counts("records")} THEN used_earlier ELSE 0 END
    + row_number() OVER (PARTITION BY "pbxId", ext, direction ORDER BY "sentAt", id) AS nth
  FROM records
), priced AS (
  SELECT r.id, r.direction, r.nth, own.id AS price_list_id, own.currency, own_area."perMinute" AS own_rate,
    eu_area."perMinute" AS eu_rate
  FROM ranked r
  LEFT JOIN end_user_tier ON true
  ${TIER_AT("tp", 'r."partnerId"', 'r."sentAt"')}
  ${IN_FORCE("own", 'tp."tierId"', 'r."sentAt"')}
  ${IN_FORCE("eu", "end_user_tier.id", 'r."sentAt"')}
  LEFT JOIN "AreaRate" own_area ON own_area."priceListId" = own.id AND own_area.area = 1
  LEFT JOIN "AreaRate" eu_area ON eu_area."priceListId" = eu.id AND eu_area.area = 1
), rated AS (
  SELECT p.id, p.currency, reason.unrated_reason,
    CASE WHEN p.direction <> 'OUTBOUND' THEN 0 WHEN reason.unrated_reason IS NOT NULL THEN NULL
         WHEN p.nth > ${INCLUDED_PER_USER.sms} THEN p.own_rate ELSE 0 END AS cost,
    CASE WHEN p.direction <> 'OUTBOUND' THEN 0 WHEN reason.unrated_reason IS NOT NULL OR p.eu_rate IS NULL THEN NULL
         WHEN p.nth > ${INCLUDED_PER_USER.sms} THEN p.eu_rate ELSE 0 END AS end_user_cost
  FROM priced p
  CROSS JOIN LATERAL (
    SELECT CASE WHEN p.direction <> 'OUTBOUND' THEN NULL
                WHEN p.price_list_id IS NULL THEN 'NO_PRICE_LIST'
                WHEN p.own_rate IS NULL THEN 'NO_RATE' END::"UnratedReason" AS unrated_reason
  ) reason
), changed AS (
UPDATE "SmsRecord" s SET cost = r.cost, "endUserCost" = r.end_user_cost, currency = coalesce(r.currency, s.currency),
  "unratedReason" = r.unrated_reason, "ratedAt" = now()
FROM rated r
WHERE s.id = r.id AND (s.cost, s."endUserCost", s."unratedReason", s."ratedAt" IS NULL)
  IS DISTINCT FROM (r.cost, r.end_user_cost, r.unrated_reason, false)
RETURNING s."pbxId", s."partnerId", s."sentAt" AS at
)
${CHANGED_BY_PBX}`;
}
