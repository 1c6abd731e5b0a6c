import type pg from "pg";
import { placePrefixes } from "./prefix-cache";
import { placedNumberSql, placementPrefixSql } from "./prefix";

// Placement of an import batch (decision 0043), on the import's working tables (lib/cdr/import/sql.ts):
// `cdr_rows` (the typed lines), `cdr_e164_range` (the validity of each number range).

/**
 * The countries of the prefixes the connection has met, kept across its batches like the range
 * verdicts: a batch usually brings no new prefix after the first, and then costs one empty query.
 */
export const PLACEMENT_TABLE_SQL = `CREATE TEMP TABLE IF NOT EXISTS cdr_placement (prefix text PRIMARY KEY, country char(2))`;

const BATCH_NUMBER = placedNumberSql("direction", "to_e164", "did");

/** The batch's prefixes the connection has not placed yet, each with a number of a valid range. */
const UNPLACED_PREFIXES_SQL = `
SELECT prefix, min(n) AS sample
FROM (
  SELECT ${placementPrefixSql("n")} AS prefix, n
  FROM (
    SELECT ${BATCH_NUMBER} AS n, ${placedNumberSql("direction", "to_range", "did_range")} AS range
    FROM cdr_rows WHERE direction IS NOT NULL
  ) numbers
  JOIN cdr_e164_range v ON v.range = numbers.range AND v.valid
) prefixes
WHERE NOT EXISTS (SELECT FROM cdr_placement k WHERE k.prefix = prefixes.prefix)
GROUP BY prefix`;

const ADD_PLACEMENTS_SQL = `INSERT INTO cdr_placement SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`;

/**
 * Places the prefixes of the batch's calls that the connection has not met (read from the shared
 * cache, or placed by libphonenumber-js and cached), so the store statement places every call by
 * joins. Runs in the batch's transaction after the range verdicts (only valid numbers are asked).
 */
export async function placeBatch(client: pg.PoolClient) {
  const unplaced = (await client.query<{ prefix: string; sample: string }>(UNPLACED_PREFIXES_SQL)).rows;
  if (unplaced.length === 0) return;
  const verdicts = await placePrefixes(
    async (sql, params) => (await client.query(sql, params)).rows,
    unplaced.map((u) => ({ prefix: u.prefix, samples: [u.sample] })),
  );
  await client.query(ADD_PLACEMENTS_SQL, [[...verdicts.keys()], [...verdicts.values()]]);
}

/**
 * The batch's DIDs found in the number inventory, with their type and country: looked up one DID at
 * a time through the e164 index (LIMIT 1 keeps the lateral lookup from becoming a hash join over the
 * whole inventory, which the import's `enable_nestloop = off` would otherwise choose).
 */
export const BATCH_INVENTORY_CTE = `batch_inventory AS (
  SELECT d.did, pn.type, pn."countryCode"
  FROM (SELECT DISTINCT did FROM cdr_rows WHERE direction = 'INBOUND' AND did <> '') d
  CROSS JOIN LATERAL (SELECT type, "countryCode" FROM "PhoneNumber" WHERE e164 = d.did LIMIT 1) pn
)`;

/**
 * Joins that place a checked row (`row` has direction, to_e164 and did) for the store statement:
 * `placed_country`, `placed_area`, `placed_type` (see placementColumns).
 */
export const placementJoins = (row: string) => `
  LEFT JOIN cdr_placement placement ON placement.prefix = ${placementPrefixSql(placedNumberSql(`${row}.direction`, `${row}.to_e164`, `${row}.did`))}
  LEFT JOIN batch_inventory inventory ON ${row}.direction = 'INBOUND' AND inventory.did = ${row}.did
  LEFT JOIN "Country" country_of_call ON country_of_call.code = placement.country`;

/**
 * A call's stored placement (decision 0043): the country of the number called (outbound) or of the
 * DID (inbound: the inventory's country, else the numbering plan's); the Call Termination Area of an
 * outbound call's country; the inventory type of an inbound call's DID.
 */
export const placementColumns = (row: string) => `
  CASE WHEN ${row}.direction = 'INBOUND' THEN coalesce(inventory."countryCode", placement.country) ELSE placement.country END AS placed_country,
  CASE WHEN ${row}.direction = 'OUTBOUND' THEN country_of_call."callTerminationArea" END AS placed_area,
  inventory.type AS placed_type`;
