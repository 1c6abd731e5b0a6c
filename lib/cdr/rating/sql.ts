import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";

const INCLUDED_AREA1_SECONDS = INCLUDED_PER_USER.area1Minutes * 60;

/**
 * The price-list version of each tier in force over time, and the End User tier's: a call is rated
 * with the versions in force when it started (R8 versions, lib/pricing/price-list-in-force.ts).
 */
const VERSIONS = `versions AS (
  SELECT pl.id, pl."tierId", pl.currency, pl."smsRate", pl."validFrom",
    lead(pl."validFrom") OVER (PARTITION BY pl."tierId" ORDER BY pl."validFrom") AS "validTo"
  FROM "PriceList" pl
), end_user_tier AS (
  SELECT id FROM "PriceListTier" WHERE code = $4
)`;

const IN_FORCE = (alias: string, tier: string, at: string) =>
  `LEFT JOIN versions ${alias} ON ${alias}."tierId" = ${tier} AND ${at} >= ${alias}."validFrom" AND (${alias}."validTo" IS NULL OR ${at} < ${alias}."validTo")`;

/** Per-second billing of a per-minute price, to the 5 decimals money is stored with (half up). */
const charge = (perMinute: string, seconds: string) => `round(${perMinute} * ${seconds} / 60.0, 5)`;

/**
 * Rates every call of one month ($1 <= startedAt < $2), optionally one partner's ($3) or some PBXs'
 * ($5), at the partner's tier and at the End User price ($4 is the End User tier's code):
 * - the destination (outgoing) or the DID's country (incoming) by the longest calling-code prefix;
 * - R5: Area 1 seconds come first from the caller's (extension's) own 3000 minutes of the month,
 *   in the order the calls started; the seconds past them, and Areas 2-6 from the first second,
 *   are charged per second at the area's per-minute rate;
 * - R7: an incoming FreePhone call is charged per second at the per-minute rate of the caller's
 *   source in the DID's country; other incoming calls are free (R6); unanswered calls cost nothing.
 * Only rows whose rating changes are written, so a re-run over the same data writes nothing.
 */
export const RATE_CALLS_SQL = `
WITH ${VERSIONS},
calls AS (
  SELECT c.id, c."startedAt", c.direction, c.extension, c."pbxId", c."durationSeconds", c.disposition, c."freephoneSource",
    p."tierId",
    CASE WHEN c.direction = 'OUTBOUND' THEN c."toE164" ELSE coalesce(c."didE164", c."toE164") END AS number
  FROM "CallRecord" c JOIN "Partner" p ON p.id = c."partnerId"
  WHERE c."startedAt" >= $1 AND c."startedAt" < $2
    AND ($3::text IS NULL OR c."partnerId" = $3) AND ($5::text[] IS NULL OR c."pbxId" = ANY($5))
), dial AS (
  -- One country per calling code: a code shared by several countries (+1) resolves to one of them.
  SELECT DISTINCT ON ("dialCode") "dialCode", code, "callTerminationArea" FROM "Country" ORDER BY "dialCode", code DESC
), placed AS (
  -- Longest prefix first: four equality (hash) joins, not a lookup per call.
  SELECT calls.*, coalesce(d4.code, d3.code, d2.code, d1.code) AS country,
    coalesce(d4."callTerminationArea", d3."callTerminationArea", d2."callTerminationArea", d1."callTerminationArea") AS country_area
  FROM calls
  LEFT JOIN dial d4 ON d4."dialCode" = substr(calls.number, 2, 4)
  LEFT JOIN dial d3 ON d3."dialCode" = substr(calls.number, 2, 3)
  LEFT JOIN dial d2 ON d2."dialCode" = substr(calls.number, 2, 2)
  LEFT JOIN dial d1 ON d1."dialCode" = substr(calls.number, 2, 1)
), used AS (
  SELECT placed.*,
    CASE WHEN direction = 'OUTBOUND' THEN country_area END AS area,
    CASE WHEN direction = 'OUTBOUND' AND country_area = 1 AND disposition = 'ANSWERED' THEN
      coalesce(sum("durationSeconds") FILTER (WHERE direction = 'OUTBOUND' AND country_area = 1 AND disposition = 'ANSWERED') OVER (
        PARTITION BY "pbxId", coalesce(extension, '') ORDER BY "startedAt", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
    END AS used_before
  FROM placed
), billed AS (
  SELECT used.*,
    CASE
      WHEN disposition <> 'ANSWERED' THEN 0
      WHEN direction = 'OUTBOUND' AND area = 1 THEN
        greatest(0, used_before + "durationSeconds" - ${INCLUDED_AREA1_SECONDS}) - greatest(0, used_before - ${INCLUDED_AREA1_SECONDS})
      WHEN direction = 'OUTBOUND' AND area IS NOT NULL THEN "durationSeconds"
      WHEN direction = 'INBOUND' AND "freephoneSource" IS NOT NULL THEN "durationSeconds"
      ELSE 0
    END AS billed_seconds
  FROM used
), rated AS (
  SELECT b.id, b."startedAt", b.country, b.area, b.billed_seconds, own.id AS price_list_id, own.currency,
    CASE WHEN b.billed_seconds = 0 OR own.id IS NULL THEN 0
         WHEN b.direction = 'OUTBOUND' THEN ${charge('own_area."perMinute"', "b.billed_seconds")}
         ELSE ${charge('own_fp."perMinute"', "b.billed_seconds")} END AS cost,
    CASE WHEN b.billed_seconds = 0 OR eu.id IS NULL THEN 0
         WHEN b.direction = 'OUTBOUND' THEN ${charge('eu_area."perMinute"', "b.billed_seconds")}
         ELSE ${charge('eu_fp."perMinute"', "b.billed_seconds")} END AS end_user_cost
  FROM billed b
  LEFT JOIN end_user_tier ON true
  ${IN_FORCE("own", 'b."tierId"', 'b."startedAt"')}
  ${IN_FORCE("eu", "end_user_tier.id", 'b."startedAt"')}
  LEFT JOIN "AreaRate" own_area ON own_area."priceListId" = own.id AND own_area.area = b.area
  LEFT JOIN "AreaRate" eu_area ON eu_area."priceListId" = eu.id AND eu_area.area = b.area
  LEFT JOIN "FreephoneMinuteRate" own_fp ON own_fp."priceListId" = own.id AND own_fp."countryCode" = b.country AND own_fp.source = b."freephoneSource"
  LEFT JOIN "FreephoneMinuteRate" eu_fp ON eu_fp."priceListId" = eu.id AND eu_fp."countryCode" = b.country AND eu_fp.source = b."freephoneSource"
)
UPDATE "CallRecord" c SET "countryCode" = r.country, area = r.area, "billedSeconds" = r.billed_seconds,
  cost = coalesce(r.cost, 0), "endUserCost" = r.end_user_cost, currency = coalesce(r.currency, c.currency),
  "priceListId" = r.price_list_id, "ratedAt" = now()
FROM rated r
WHERE c.id = r.id AND c."startedAt" = r."startedAt" AND c."startedAt" >= $1 AND c."startedAt" < $2
  AND (c."countryCode", c.area, c."billedSeconds", c.cost, c."endUserCost", c."priceListId", c."ratedAt" IS NULL)
    IS DISTINCT FROM (r.country, r.area, r.billed_seconds, coalesce(r.cost, 0), r.end_user_cost, r.price_list_id, false)`;

/**
 * R15: a user's first 200 SMS of the month are included, each one after costs the SMS rate of the
 * price list (the Area 1 rate). Only sent messages count. Same parameters as RATE_CALLS_SQL.
 */
export const RATE_SMS_SQL = `
WITH ${VERSIONS},
ranked AS (
  SELECT s.id, s."sentAt", s.direction, p."tierId",
    row_number() OVER (PARTITION BY s."pbxId", coalesce(s.extension, ''), s.direction ORDER BY s."sentAt", s.id) AS nth
  FROM "SmsRecord" s JOIN "Partner" p ON p.id = s."partnerId"
  WHERE s."sentAt" >= $1 AND s."sentAt" < $2
    AND ($3::text IS NULL OR s."partnerId" = $3) AND ($5::text[] IS NULL OR s."pbxId" = ANY($5))
), rated AS (
  SELECT r.id, own.currency,
    CASE WHEN r.direction = 'OUTBOUND' AND r.nth > ${INCLUDED_PER_USER.sms} THEN own."smsRate" ELSE 0 END AS cost,
    CASE WHEN r.direction = 'OUTBOUND' AND r.nth > ${INCLUDED_PER_USER.sms} THEN eu."smsRate" ELSE 0 END AS end_user_cost
  FROM ranked r
  LEFT JOIN end_user_tier ON true
  ${IN_FORCE("own", 'r."tierId"', 'r."sentAt"')}
  ${IN_FORCE("eu", "end_user_tier.id", 'r."sentAt"')}
)
UPDATE "SmsRecord" s SET cost = coalesce(r.cost, 0), "endUserCost" = r.end_user_cost, currency = coalesce(r.currency, s.currency), "ratedAt" = now()
FROM rated r
WHERE s.id = r.id AND (s.cost, s."endUserCost", s."ratedAt" IS NULL) IS DISTINCT FROM (coalesce(r.cost, 0), r.end_user_cost, false)`;
