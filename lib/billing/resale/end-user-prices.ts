import type { Prisma } from "@/lib/db/generated/client";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import type { ChargeRow, monthParameters, OrderLineRow } from "@/lib/billing/gather";

// What the End User list would have charged for each line of a partner's month (docs/decisions/0063).
// Every statement takes `monthParameters` ($1 partner, $2/$3 the widened UTC bounds, $4/$5 the local
// month as wall-clock times); those that read a price list also $6, the End User tier's code.

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;
type Params = ReturnType<typeof monthParameters>;

const localTime = (at: string) => `((${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")`;
/** The invoice's own month condition (lib/billing/gather.ts): the partner's local calendar month. */
const inMonth = (at: string) =>
  `${at} >= $2 AND ${at} < $3 AND ${localTime(at)} >= $4::timestamp AND ${localTime(at)} < $5::timestamp`;

/** The published version of a tier in force at `at` (lib/pricing/price-list-in-force.ts's rule). */
const versionAt = (tier: string, at: string) =>
  `SELECT v.id FROM "PriceList" v WHERE v."tierId" = ${tier} AND v."validFrom" <= ${at} AND v."publishedAt" IS NOT NULL ORDER BY v."validFrom" DESC LIMIT 1`;
/** The partner's tier at `at` (docs/decisions/0041), its current one if no period has started. */
const tierAt = (at: string) =>
  `coalesce((SELECT tp."tierId" FROM "PartnerTierPeriod" tp WHERE tp."partnerId" = p.id AND tp."validFrom" <= ${at} ORDER BY tp."validFrom" DESC LIMIT 1), p."tierId")`;
const END_USER_TIER = `(SELECT t.id FROM "PriceListTier" t WHERE t.code = $6)`;

/** Unit prices for the End User ratio of a recorded charge; null where a list has no such price. */
export interface UnitPrices {
  purchaseUnit: string | null;
  endUserUnit: string | null;
}

/**
 * Every service charge of the month, invoiced or not (an invoice built for the month claimed them;
 * each charge belongs to the month it was created in only, so these are that invoice's), with the
 * per-user price of its band (the SKU its formula starts with, `describeFlatFeeQuote`) at the
 * partner's tier and at the End User list, both in force when it was priced: its `periodStart` (the
 * activation day, a renewal's new term start, the day users were added; lib/pbx/licence-change-core.ts).
 */
const CHARGES_SQL = `
SELECT sc."partnerId", sc.id, sc.kind::text AS kind, sc.description, sc.amount::text AS amount, sc.currency,
  s."pbxId", x.name AS "pbxName", sc."createdAt",
  own_band."pricePerUser"::text AS "purchaseUnit", eu_band."pricePerUser"::text AS "endUserUnit"
FROM "ServiceCharge" sc JOIN "Partner" p ON p.id = sc."partnerId"
LEFT JOIN "ClassoundService" s ON s.id = sc."serviceId"
LEFT JOIN "Pbx" x ON x.id = s."pbxId"
LEFT JOIN LATERAL (${versionAt(tierAt('sc."periodStart"'), 'sc."periodStart"')}) own ON true
LEFT JOIN LATERAL (${versionAt(END_USER_TIER, 'sc."periodStart"')}) eu ON true
LEFT JOIN "FlatFeeBand" own_band ON own_band."priceListId" = own.id AND own_band.sku = split_part(sc.description, ':', 1)
LEFT JOIN "FlatFeeBand" eu_band ON eu_band."priceListId" = eu.id AND eu_band.sku = split_part(sc.description, ':', 1)
WHERE sc."partnerId" = $1 AND ${inMonth('sc."createdAt"')}`;

/**
 * Every billed line of the partner's completed number orders of the month, invoiced or not, with
 * its own unit price (what the partner was charged) and the End User list's setup or monthly fee of
 * the order's country and number type in force when it was ordered.
 */
const ORDER_LINES_SQL = `
SELECT o."partnerId", l.id, l.description, l.quantity, l."unitPrice"::text AS "unitPrice", l.amount::text AS amount, l.formula,
  o.currency, o."pbxId", x.name AS "pbxName", o."createdAt", l."sortOrder",
  l."unitPrice"::text AS "purchaseUnit",
  (CASE l.kind WHEN 'NUMBER_SETUP' THEN np."setupFee" WHEN 'NUMBER_MONTHLY' THEN np."monthlyFee" END)::text AS "endUserUnit"
FROM "NumberOrderLine" l JOIN "NumberOrder" o ON o.id = l."orderId"
JOIN "Partner" p ON p.id = o."partnerId" JOIN "Pbx" x ON x.id = o."pbxId"
LEFT JOIN LATERAL (${versionAt(END_USER_TIER, 'o."createdAt"')}) eu ON true
LEFT JOIN "NumberPrice" np ON np."priceListId" = eu.id AND np."countryCode" = o."countryCode" AND np.type = o.type
WHERE o."partnerId" = $1 AND o.status = 'COMPLETED' AND l.amount <> 0 AND ${inMonth('o."createdAt"')}`;

const RATED = `r."ratedAt" IS NOT NULL AND r."unratedReason" IS NULL`;

/** The End User side of a usage group: rating's stored End User prices, and what it could not price. */
export interface EndUserSums {
  /** Sum of the End User prices rating stored (5 decimals each); null when none. */
  endUser: string | null;
  /** Records with no End User price (no End User version or rate then), and their purchase cost. */
  unpriced: number;
  unpricedCost: string;
}

export interface CallEndUserRow extends EndUserSums {
  pbxId: string;
  area: number | null;
  countryCode: string | null;
  source: string | null;
  currency: string;
  perMinute: string | null;
  calls: number;
  seconds: number;
  cost: string;
}

/**
 * The month's charged calls grouped as the invoice groups them (lib/billing/gather.ts's CALLS_SQL:
 * per PBX, area or FreePhone country and source, and version), each group with the identifying
 * figures of its invoice row and the sum of the End User prices rating stored for its calls.
 */
const CALLS_SQL = `
SELECT g.*, coalesce(ar."perMinute", fr."perMinute")::text AS "perMinute"
FROM (
  SELECT r."pbxId", CASE WHEN r.direction = 'OUTBOUND' THEN r.area END AS area,
    CASE WHEN r.direction = 'INBOUND' THEN r."countryCode" END AS "countryCode",
    CASE WHEN r.direction = 'INBOUND' THEN r."freephoneSource"::text END AS source,
    r."priceListId", r.currency, count(*)::int AS calls, sum(r."billedSeconds")::int AS seconds,
    sum(r.cost)::text AS cost, sum(r."endUserCost")::text AS "endUser",
    count(*) FILTER (WHERE r."endUserCost" IS NULL)::int AS unpriced,
    coalesce(sum(r.cost) FILTER (WHERE r."endUserCost" IS NULL), 0)::text AS "unpricedCost"
  FROM "CallRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE r."partnerId" = $1 AND ${inMonth('r."startedAt"')} AND ${RATED} AND r.cost > 0
  GROUP BY 1, 2, 3, 4, 5, 6
) g
LEFT JOIN "AreaRate" ar ON ar."priceListId" = g."priceListId" AND ar.area = g.area
LEFT JOIN "FreephoneMinuteRate" fr ON fr."priceListId" = g."priceListId" AND fr."countryCode" = g."countryCode"
  AND fr.source::text = g.source`;

export interface SmsEndUserRow extends EndUserSums {
  pbxId: string;
  currency: string;
  unitPrice: string;
  messages: number;
}

/** The month's charged SMS grouped as the invoice groups them (per PBX and price), with their End User prices. */
const SMS_SQL = `
SELECT r."pbxId", r.currency, r.cost::text AS "unitPrice", count(*)::int AS messages,
  sum(r."endUserCost")::text AS "endUser",
  count(*) FILTER (WHERE r."endUserCost" IS NULL)::int AS unpriced,
  coalesce(sum(r.cost) FILTER (WHERE r."endUserCost" IS NULL), 0)::text AS "unpricedCost"
FROM "SmsRecord" r JOIN "Partner" p ON p.id = r."partnerId"
WHERE r."partnerId" = $1 AND ${inMonth('r."sentAt"')} AND ${RATED} AND r.cost > 0
GROUP BY r."pbxId", r.currency, r.cost`;

/** The month's recorded charges and End User usage sums, beside what `gatherMonth` reads. */
export async function gatherEndUserPrices(tx: Tx, params: Params) {
  const all = [...params, END_USER_TIER_CODE];
  return {
    charges: await tx.$queryRawUnsafe<(ChargeRow & UnitPrices)[]>(CHARGES_SQL, ...all),
    orderLines: await tx.$queryRawUnsafe<(OrderLineRow & UnitPrices)[]>(ORDER_LINES_SQL, ...all),
    calls: await tx.$queryRawUnsafe<CallEndUserRow[]>(CALLS_SQL, ...params),
    sms: await tx.$queryRawUnsafe<SmsEndUserRow[]>(SMS_SQL, ...params),
  };
}
