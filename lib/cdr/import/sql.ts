import { CALL_COLUMNS, MAX_CALL_SECONDS, MAX_ID_LENGTH, type CallColumn } from "./call-row";

/**
 * The import's working tables, one set per connection (temporary: never WAL-logged, invisible to
 * Prisma's schema diff), and the slow-path CSV splitter (docs/decisions/0026):
 * - `cdr_raw`: the file's lines exactly as read, numbered by a sequence the import sets to the
 *   batch's first line number before each COPY (COPY inserts in input order);
 * - `cdr_rows`: the same lines split into trimmed fields and typed, with NULL where a field does
 *   not parse (the reasons are worded by the store statement);
 * - `cdr_e164_range`: libphonenumber-js's verdict per number range (decision 0014), filled by
 *   Node for the ranges a batch brings that the connection has not seen; kept across batches.
 */
export const IMPORT_TABLES_SQL = [
  `CREATE TEMP SEQUENCE IF NOT EXISTS cdr_raw_line`,
  `CREATE TEMP TABLE IF NOT EXISTS cdr_raw (
    line integer NOT NULL DEFAULT nextval('cdr_raw_line'),
    raw text
  ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS cdr_rows (
    line integer NOT NULL,
    raw text NOT NULL,
    call_id text NOT NULL,
    pbx text NOT NULL,
    direction_text text NOT NULL,
    from_e164 text NOT NULL,
    to_e164 text NOT NULL,
    extension text NOT NULL,
    did_text text NOT NULL,
    started_text text NOT NULL,
    answered_text text NOT NULL,
    duration_text text NOT NULL,
    disposition_text text NOT NULL,
    source_text text NOT NULL,
    direction "CallDirection",
    started_at timestamp(3),
    answered_at timestamp(3),
    duration integer,
    disposition "CallDisposition",
    freephone_source "FreephoneSource"
  ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS cdr_e164_range (range text PRIMARY KEY, valid boolean NOT NULL)`,
  // A line with a quote, a space or a tab: split by a regular expression that knows CSV quoting
  // ("" inside quotes), then trimmed as csv-parse's trim did. Plain lines never come here: a
  // regular expression per row would cost more than the whole COPY.
  `CREATE OR REPLACE FUNCTION pg_temp.cdr_csv_fields(line text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(CASE WHEN f LIKE '"%"' THEN replace(substr(f, 2, length(f) - 2), '""', '"') ELSE f END ORDER BY n)
    FROM (SELECT btrim(m[1], E' \\t') AS f, n
          FROM regexp_matches(line, '[ \\t]*("(?:[^"]|"")*"|[^,"]*)[ \\t]*(?:,|$)', 'g') WITH ORDINALITY AS t(m, n)) fields
  $$`,
];

/** The batch's first line number: the sequence then numbers the COPYed lines from it. */
export const NUMBER_LINES_SQL = `SELECT setval('cdr_raw_line', $1, false)`;
export const COPY_RAW_SQL = `COPY cdr_raw (raw) FROM STDIN (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

// Formats checked in SQL exactly as the former Node validation did ([0-9], not \d, which matches
// other scripts' digits in PostgreSQL).
const E164_FORMAT = `'^\\+[1-9][0-9]{6,14}$'`;
const TIMESTAMP_FORMAT = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?$'`;

/** An ISO 8601 text as UTC (no offset means UTC: the transaction runs with TimeZone UTC), or NULL. */
const timestamp = (text: string) =>
  `CASE WHEN ${text} ~ ${TIMESTAMP_FORMAT} AND pg_input_is_valid(${text}, 'timestamptz')
    THEN date_trunc('milliseconds', ${text}::timestamptz AT TIME ZONE 'UTC') END`;

/**
 * Splits and types the batch's lines into `cdr_rows`. `header` maps each known column to its
 * position in the file's header line (any order; a missing optional column reads as empty, extra
 * columns are ignored, a short line's missing fields read as empty). Blank lines are skipped.
 */
export function parseLinesSql(header: Map<CallColumn, number>): string {
  const field = (c: CallColumn) => (header.has(c) ? `coalesce(f[${header.get(c)! + 1}], '')` : `''`);
  const lower = (c: CallColumn) => `lower(${field(c)})`;
  return `
INSERT INTO cdr_rows
SELECT line, raw, ${CALL_COLUMNS.map(field).join(", ")},
  CASE ${lower("direction")} WHEN 'in' THEN 'INBOUND' WHEN 'inbound' THEN 'INBOUND' WHEN 'out' THEN 'OUTBOUND' WHEN 'outbound' THEN 'OUTBOUND' END::"CallDirection",
  ${timestamp(field("started_at"))},
  ${timestamp(field("answered_at"))},
  CASE WHEN ${field("duration")} ~ '^[0-9]{1,9}$' THEN ${field("duration")}::integer END,
  CASE ${lower("disposition")} WHEN 'answered' THEN 'ANSWERED' WHEN 'busy' THEN 'BUSY' WHEN 'no_answer' THEN 'NO_ANSWER'
    WHEN 'no answer' THEN 'NO_ANSWER' WHEN 'failed' THEN 'FAILED' END::"CallDisposition",
  CASE ${lower("freephone_source")} WHEN 'fixed' THEN 'FIXED' WHEN 'mobile' THEN 'MOBILE' WHEN 'payphone' THEN 'PAYPHONE' END::"FreephoneSource"
FROM (
  SELECT line, raw,
    CASE WHEN raw ~ '[" \\t]' THEN pg_temp.cdr_csv_fields(raw) ELSE string_to_array(raw, ',') END AS f
  FROM cdr_raw
  WHERE raw <> '' -- a blank line is NULL: skipped, as csv-parse skipped it
  OFFSET 0 -- evaluate the split once per line, not once per field
) split`;
}

/** The months the batch's calls start in, for the partitions (first days, YYYY-MM-DD). */
export const BATCH_MONTHS_SQL = `SELECT DISTINCT to_char(started_at, 'YYYY-MM-01') AS month FROM cdr_rows WHERE started_at IS NOT NULL ORDER BY 1`;

const rangeOf = (number: string) => `left(${number}, -4) || length(${number})`;

/**
 * The number ranges of the batch the connection has no verdict for yet, each with one number of
 * it for libphonenumber-js (its verdict is the same for every number of a range, decision 0014).
 */
export const UNKNOWN_RANGES_SQL = `
SELECT range, min(n) AS sample
FROM (
  SELECT n, ${rangeOf("n")} AS range
  FROM (SELECT from_e164 AS n FROM cdr_rows UNION ALL SELECT to_e164 FROM cdr_rows UNION ALL SELECT did_text FROM cdr_rows) numbers
  WHERE n ~ ${E164_FORMAT}
) ranged
WHERE NOT EXISTS (SELECT FROM cdr_e164_range k WHERE k.range = ranged.range)
GROUP BY range`;

export const ADD_RANGES_SQL = `INSERT INTO cdr_e164_range SELECT * FROM unnest($1::text[], $2::boolean[]) ON CONFLICT DO NOTHING`;

const valid = (number: string, alias: string) => `(${number} ~ ${E164_FORMAT} AND coalesce(${alias}.valid, false))`;
const REQUIRED: [CallColumn, string][] = [
  ["call_id", "call_id"], ["pbx", "pbx"], ["direction", "direction_text"], ["from", "from_e164"], ["to", "to_e164"],
  ["started_at", "started_text"], ["duration", "duration_text"], ["disposition", "disposition_text"],
];

/**
 * Every reason a row is refused for, in the order the file import has always reported them (all
 * of them, not only the first); empty for a good row. A row missing a required field gets only
 * the missing-field reasons. $4 is the serial an API key covers, or NULL.
 */
const REASONS_SQL = `CASE WHEN ${REQUIRED.map(([, column]) => `${column} = ''`).join(" OR ")}
  THEN array_remove(ARRAY[${REQUIRED.map(([name, column]) => `CASE WHEN ${column} = '' THEN 'missing ${name}' END`).join(", ")}], NULL)
  ELSE array_remove(ARRAY[
    CASE WHEN length(call_id) > ${MAX_ID_LENGTH} THEN 'call_id longer than ${MAX_ID_LENGTH} characters' END,
    CASE WHEN $4::text IS NOT NULL AND pbx <> $4::text THEN 'PBX not covered by this API key' END,
    CASE WHEN direction IS NULL THEN 'direction is not in or out' END,
    CASE WHEN NOT ${valid("from_e164", "fr")} THEN 'from is not a valid E.164 number' END,
    CASE WHEN NOT ${valid("to_e164", "tr")} THEN 'to is not a valid E.164 number' END,
    CASE WHEN direction = 'OUTBOUND' AND extension = '' THEN 'missing extension for an outgoing call' END,
    CASE WHEN did <> '' AND did <> to_e164 AND NOT ${valid("did", "dr")} THEN 'did is not a valid E.164 number' END,
    CASE WHEN started_at IS NULL THEN 'started_at is not an ISO 8601 date and time' END,
    CASE WHEN answered_text <> '' AND answered_at IS NULL THEN 'answered_at is not an ISO 8601 date and time' END,
    CASE WHEN answered_at < started_at THEN 'answered before it started' END,
    CASE WHEN duration IS NULL THEN 'duration is not a whole number of seconds'
         WHEN duration > ${MAX_CALL_SECONDS} THEN 'duration over four hours (R14)' END,
    CASE WHEN disposition IS NULL THEN 'disposition is not answered, busy, no_answer or failed'
         WHEN disposition <> 'ANSWERED' AND duration > 0 THEN 'talk time on a call that was not answered' END,
    CASE WHEN source_text <> '' AND freephone_source IS NULL THEN 'freephone_source is not fixed, mobile or payphone' END,
    CASE WHEN freephone_source IS NOT NULL AND direction = 'OUTBOUND' THEN 'freephone_source on an outgoing call' END
  ], NULL) END`;

/**
 * Checks the batch's rows and moves the good ones into "CallRecord", in one statement: the
 * reasons above, then the PBX by its serial (unknown ones refused), the first row of a call id
 * repeated within the batch kept, and ON CONFLICT DO NOTHING turning a call already stored into a
 * duplicate (the unique call id decides, not a prior look-up). Refused rows are kept with their
 * line, reasons and the line as read, up to $2 rows; the counts and the report cover all.
 * $1 the import, $3 the currency of a call not yet rated.
 */
export const STORE_BATCH_SQL = `
WITH checked AS (
  SELECT r.line, r.raw, r.call_id, r.pbx, r.direction, r.from_e164, r.to_e164, nullif(r.extension, '') AS extension,
    nullif(r.did, '') AS did, r.started_at, r.answered_at, r.duration, r.disposition, r.freephone_source, r.reasons
  FROM (
    SELECT rows.*, ${REASONS_SQL} AS reasons
    FROM (
      -- An incoming call's DID is the number it called unless the PBX says otherwise.
      SELECT *, CASE WHEN direction = 'INBOUND' AND did_text = '' THEN to_e164 ELSE did_text END AS did FROM cdr_rows
    ) rows
    LEFT JOIN cdr_e164_range fr ON fr.range = ${rangeOf("rows.from_e164")}
    LEFT JOIN cdr_e164_range tr ON tr.range = ${rangeOf("rows.to_e164")}
    LEFT JOIN cdr_e164_range dr ON dr.range = ${rangeOf("rows.did")}
  ) r
), good AS (
  SELECT checked.*, p.id AS pbx_id, c.id AS customer_id, c."partnerId" AS partner_id,
    row_number() OVER (PARTITION BY checked.pbx, call_id, started_at ORDER BY line) AS nth
  FROM checked
  LEFT JOIN "Pbx" p ON p.serial = checked.pbx
  LEFT JOIN "Customer" c ON c.id = p."customerId"
  WHERE cardinality(reasons) = 0
), ins AS (
  INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164",
    extension, "didE164", "startedAt", "answeredAt", "durationSeconds", disposition, "freephoneSource", cost, currency)
  SELECT partner_id, customer_id, pbx_id, call_id, direction, from_e164, to_e164,
    extension, did, started_at, answered_at, duration, disposition, freephone_source, 0, $3
  FROM good WHERE pbx_id IS NOT NULL AND nth = 1
  ON CONFLICT DO NOTHING
  RETURNING "pbxId", "externalId", "startedAt"
), outcome AS (
  SELECT checked.line, checked.raw, good.started_at AS good_start,
    CASE WHEN cardinality(checked.reasons) > 0 THEN checked.reasons
         WHEN good.pbx_id IS NULL THEN ARRAY['unknown PBX']
         WHEN ins."externalId" IS NULL THEN ARRAY['duplicate call id'] END AS reasons
  FROM checked
  LEFT JOIN good ON good.line = checked.line
  LEFT JOIN ins ON good.nth = 1 AND ins."pbxId" = good.pbx_id AND ins."externalId" = good.call_id AND ins."startedAt" = good.started_at
), kept AS (
  INSERT INTO "CdrImportRefusal" ("importId", line, reasons, raw)
  SELECT $1, line, array_to_string(reasons, '; '), raw
  FROM outcome WHERE reasons IS NOT NULL ORDER BY line LIMIT $2
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT
  count(*)::int AS read,
  count(*) FILTER (WHERE reasons IS NULL)::int AS stored,
  count(*) FILTER (WHERE reasons = ARRAY['duplicate call id'])::int AS duplicates,
  count(*) FILTER (WHERE reasons IS NOT NULL AND reasons <> ARRAY['duplicate call id'])::int AS refused,
  (SELECT count(*) FROM kept)::int AS kept,
  coalesce((SELECT jsonb_object_agg(reason, n) FROM (
    SELECT reason, count(*)::int AS n FROM outcome, unnest(reasons) AS reason GROUP BY reason) tally), '{}'::jsonb) AS report,
  coalesce(array_agg(DISTINCT to_char(good_start, 'YYYY-MM-01')) FILTER (WHERE good_start IS NOT NULL), '{}') AS months
FROM outcome`;
