/**
 * The staging table: one per connection, emptied at each commit. Temporary, so it is never
 * WAL-logged and Prisma's schema diff never sees it.
 */
export const STAGING_TABLE_SQL = `CREATE TEMP TABLE IF NOT EXISTS cdr_staging (
  line integer NOT NULL,
  call_id text NOT NULL,
  pbx text NOT NULL,
  direction "CallDirection" NOT NULL,
  from_e164 text NOT NULL,
  to_e164 text NOT NULL,
  extension text,
  did text,
  started_at timestamp(3) NOT NULL,
  answered_at timestamp(3),
  duration integer NOT NULL,
  disposition "CallDisposition" NOT NULL,
  freephone_source "FreephoneSource"
) ON COMMIT DELETE ROWS`;

/**
 * Moves the staged batch into "CallRecord" in one statement: the PBX by its serial (unknown ones
 * refused), the first row of a call id repeated within the batch kept, and ON CONFLICT DO NOTHING
 * turning a call already stored into a duplicate. Refusals are kept up to $2 rows; the counts cover
 * all. $1 the import, $3 the currency of a call not yet rated.
 */
export const STAGE_CALLS_SQL = `
WITH src AS (
  SELECT s.*, p.id AS pbx_id, c.id AS customer_id, c."partnerId" AS partner_id,
    row_number() OVER (PARTITION BY s.pbx, s.call_id, s.started_at ORDER BY s.line) AS nth
  FROM cdr_staging s
  LEFT JOIN "Pbx" p ON p.serial = s.pbx
  LEFT JOIN "Customer" c ON c.id = p."customerId"
), ins AS (
  INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164",
    extension, "didE164", "startedAt", "answeredAt", "durationSeconds", disposition, "freephoneSource", cost, currency)
  SELECT partner_id, customer_id, pbx_id, call_id, direction, from_e164, to_e164,
    extension, did, started_at, answered_at, duration, disposition, freephone_source, 0, $3
  FROM src WHERE pbx_id IS NOT NULL AND nth = 1
  ON CONFLICT DO NOTHING
  RETURNING "pbxId", "externalId", "startedAt"
), outcome AS (
  SELECT src.line, src.call_id, src.pbx, src.direction, src.from_e164, src.to_e164, src.extension, src.did,
    src.started_at, src.answered_at, src.duration, src.disposition, src.freephone_source,
    CASE WHEN src.pbx_id IS NULL THEN 'unknown PBX'
         WHEN ins."externalId" IS NULL THEN 'duplicate call id' END AS reason
  FROM src LEFT JOIN ins
    ON src.nth = 1 AND ins."pbxId" = src.pbx_id AND ins."externalId" = src.call_id AND ins."startedAt" = src.started_at
), kept AS (
  INSERT INTO "CdrImportRefusal" ("importId", line, reasons, raw)
  SELECT $1, line, reason, concat_ws(',', call_id, pbx, lower(direction::text), from_e164, to_e164, coalesce(extension, ''),
    coalesce(did, ''), started_at, coalesce(answered_at::text, ''), duration, lower(disposition::text),
    coalesce(lower(freephone_source::text), ''))
  FROM outcome WHERE reason IS NOT NULL ORDER BY line LIMIT $2
  ON CONFLICT DO NOTHING
)
SELECT count(*) FILTER (WHERE reason IS NULL)::int AS stored,
  count(*) FILTER (WHERE reason = 'duplicate call id')::int AS duplicates,
  count(*) FILTER (WHERE reason = 'unknown PBX')::int AS unknown
FROM outcome`;
