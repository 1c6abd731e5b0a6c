import type { Db } from "@/lib/db/client";
import { placePrefixes, type Query } from "./prefix-cache";
import { placedNumberSql, placementPrefixSql } from "./prefix";

export interface PlaceCallsInput {
  /** Calls started in [from, to). */
  from: Date;
  to: Date;
  partnerId?: string;
  pbxIds?: string[];
  /**
   * Only the calls not rated yet (an incremental rating, decision 0052): read through the partial
   * index of unrated calls, not a month's scan. The import placed them already, unless another path wrote them.
   */
  unratedOnly?: boolean;
}

/** The number a stored call is placed by (an inbound call without a DID reached its `toE164`). */
const NUMBER = placedNumberSql("c.direction", 'c."toE164"', 'coalesce(c."didE164", c."toE164")');

/**
 * Calls the import did not place: written by another path (the seed, a test), or stored before
 * decision 0043. An inbound call whose DID is not in the inventory, or a number of no country, is
 * met again each time and written only if something changed.
 */
const UNPLACED = `c."startedAt" >= $1 AND c."startedAt" < $2
  AND ($3::text IS NULL OR c."partnerId" = $3) AND ($4::text[] IS NULL OR c."pbxId" = ANY($4))
  AND (c."countryCode" IS NULL OR (c.direction = 'OUTBOUND' AND c.area IS NULL)
       OR (c.direction = 'INBOUND' AND c."numberType" IS NULL))`;

/** Their prefixes that were never placed, with two numbers of each (a prefix is placed by a valid one). */
const newPrefixesSql = (unplaced: string) => `
SELECT prefix, ARRAY[min(n), max(n)] AS samples
FROM (SELECT ${placementPrefixSql("n")} AS prefix, n FROM (SELECT ${NUMBER} AS n FROM "CallRecord" c WHERE ${unplaced}) calls) p
WHERE NOT EXISTS (SELECT FROM "NumberPrefixPlacement" k WHERE k.prefix = p.prefix)
GROUP BY prefix`;

/**
 * Fills what is missing, keeping what a call already has: the country (the inventory's for an
 * inbound DID in it, else the prefix's), the area of an outbound call's country, the DID's type. A
 * call placed anew is rated anew: incremental rating (decision 0052) finds it among the calls not
 * rated, and its user's running total never counted it (an area it did not have counted nothing).
 */
const placeSql = (unplaced: string) => `
UPDATE "CallRecord" c SET "countryCode" = x.country, area = x.area, "numberType" = x.number_type, "ratedAt" = NULL
FROM (
  SELECT u.id, u."startedAt", u.country, u.number_type,
    coalesce(u.area, CASE WHEN u.direction = 'OUTBOUND' THEN co."callTerminationArea" END) AS area
  FROM (
    SELECT c.id, c."startedAt", c.direction, c.area,
      coalesce(c."countryCode", CASE WHEN c.direction = 'INBOUND' THEN coalesce(pn."countryCode", pl."countryCode")
                                     ELSE pl."countryCode" END) AS country,
      coalesce(c."numberType", CASE WHEN c.direction = 'INBOUND' THEN pn.type END) AS number_type
    FROM "CallRecord" c
    LEFT JOIN "NumberPrefixPlacement" pl ON pl.prefix = ${placementPrefixSql(NUMBER)}
    LEFT JOIN "PhoneNumber" pn ON c.direction = 'INBOUND' AND pn.e164 = coalesce(c."didE164", c."toE164")
    WHERE ${unplaced}
  ) u
  LEFT JOIN "Country" co ON co.code = u.country
) x
WHERE c.id = x.id AND c."startedAt" = x."startedAt" AND c."startedAt" >= $1 AND c."startedAt" < $2
  AND (c."countryCode", c.area, c."numberType") IS DISTINCT FROM (x.country, x.area, x.number_type)`;

/**
 * Places the calls of a time range that lack their placement (decision 0043), the same way the import
 * places a batch: the range's new prefixes placed once by libphonenumber-js and cached, then every
 * call by joins (one set-based UPDATE, no call looked at in TypeScript). Rating runs it first, so a
 * call written by any path is placed before it is priced. Returns how many calls it changed.
 */
export async function placeCalls(
  db: Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">,
  { from, to, partnerId, pbxIds, unratedOnly = false }: PlaceCallsInput,
): Promise<number> {
  const params = [from, to, partnerId ?? null, pbxIds ?? null];
  const unplaced = unratedOnly ? `${UNPLACED} AND c."ratedAt" IS NULL` : UNPLACED;
  const query: Query = (sql, values) => db.$queryRawUnsafe(sql, ...values);
  const fresh = await query<{ prefix: string; samples: string[] }>(newPrefixesSql(unplaced), params);
  await placePrefixes(query, fresh);
  return db.$executeRawUnsafe(placeSql(unplaced), ...params);
}
