import { BATCH_INVENTORY_CTE, PLACEMENT_TABLE_SQL, placementColumns, placementJoins } from "@/lib/cdr/placement/batch";
import { CALL_COLUMNS, MAX_CALL_SECONDS, MAX_ID_LENGTH, type CallColumn } from "./call-row";
import {
  digitsOnly,
  isoTimestamp,
  keepRefusalsAndCountSql,
  numberRange,
  outcomeReasonsSql,
  reasonsSql,
  SPLIT_LINES_SQL,
  type RowCheck,
} from "./field-sql";

/**
 * The import's working tables, one set per connection (temporary: never WAL-logged, invisible to
 * Prisma's schema diff), and the slow-path CSV splitter (docs/decisions/0026):
 * - `cdr_raw`: the file's lines exactly as read, numbered by a sequence the import sets to the
 *   batch's first line number before each COPY (COPY inserts in input order);
 * - `cdr_rows`: the same lines split into trimmed fields and typed, with NULL where a field does
 *   not parse, and each number's range (NULL if it is not E.164-shaped); the reasons are worded
 *   by the store statement;
 * - `cdr_e164_range`: libphonenumber-js's verdict per number range (decision 0014), filled by
 *   Node for the ranges a batch brings that the connection has not seen; kept across batches;
 * - `cdr_placement`: the country of each number prefix the connection has met (decision 0043),
 *   filled the same way (lib/cdr/placement/batch.ts).
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
    freephone_source "FreephoneSource",
    did text NOT NULL,
    from_range text,
    to_range text,
    did_range text
  ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS cdr_e164_range (range text PRIMARY KEY, valid boolean NOT NULL)`,
  PLACEMENT_TABLE_SQL,
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

/** Where each CSV column's text goes in `cdr_rows`. */
const TEXT_COLUMN: Record<CallColumn, string> = {
  call_id: "call_id",
  pbx: "pbx",
  direction: "direction_text",
  from: "from_e164",
  to: "to_e164",
  extension: "extension",
  did: "did_text",
  started_at: "started_text",
  answered_at: "answered_text",
  duration: "duration_text",
  disposition: "disposition_text",
  freephone_source: "source_text",
};

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
SELECT typed.*,
  ${numberRange("from_e164")}, ${numberRange("to_e164")}, ${numberRange("did")}
FROM (
  SELECT line, raw, ${CALL_COLUMNS.map((c) => `${field(c)} AS ${TEXT_COLUMN[c]}`).join(", ")},
    CASE ${lower("direction")} WHEN 'in' THEN 'INBOUND' WHEN 'inbound' THEN 'INBOUND' WHEN 'out' THEN 'OUTBOUND' WHEN 'outbound' THEN 'OUTBOUND' END::"CallDirection" AS direction,
    ${isoTimestamp(field("started_at"))},
    ${isoTimestamp(field("answered_at"))},
    CASE WHEN length(${field("duration")}) <= 9 AND ${digitsOnly(field("duration"))} THEN ${field("duration")}::integer END,
    CASE ${lower("disposition")} WHEN 'answered' THEN 'ANSWERED' WHEN 'busy' THEN 'BUSY' WHEN 'no_answer' THEN 'NO_ANSWER'
      WHEN 'no answer' THEN 'NO_ANSWER' WHEN 'failed' THEN 'FAILED' END::"CallDisposition",
    CASE ${lower("freephone_source")} WHEN 'fixed' THEN 'FIXED' WHEN 'mobile' THEN 'MOBILE' WHEN 'payphone' THEN 'PAYPHONE' END::"FreephoneSource",
    -- An incoming call's DID is the number it called unless the PBX says otherwise.
    CASE WHEN ${lower("direction")} IN ('in', 'inbound') AND ${field("did")} = '' THEN ${field("to")} ELSE ${field("did")} END AS did
  FROM (${SPLIT_LINES_SQL}
  ) split
) typed`;
}

/** The months the batch's calls start in, for the partitions (first days, YYYY-MM-DD). */
export const BATCH_MONTHS_SQL = `SELECT DISTINCT to_char(started_at, 'YYYY-MM-01') AS month FROM cdr_rows WHERE started_at IS NOT NULL ORDER BY 1`;

/**
 * The number ranges of the batch the connection has no verdict for yet, each with one number of
 * it for libphonenumber-js (its verdict is the same for every number of a range, decision 0014).
 */
export const UNKNOWN_RANGES_SQL = `
SELECT range, min(n) AS sample
FROM (
  SELECT from_range AS range, from_e164 AS n FROM cdr_rows UNION ALL
  SELECT to_range, to_e164 FROM cdr_rows UNION ALL
  SELECT did_range, did FROM cdr_rows
) numbers
WHERE range IS NOT NULL AND NOT EXISTS (SELECT FROM cdr_e164_range k WHERE k.range = numbers.range)
GROUP BY range`;

export const ADD_RANGES_SQL = `INSERT INTO cdr_e164_range SELECT * FROM unnest($1::text[], $2::boolean[]) ON CONFLICT DO NOTHING`;

/** Shaped like E.164 (a range) and in a range libphonenumber-js finds valid. */
const valid = (alias: string) => `coalesce(${alias}.valid, false)`;
const REQUIRED: CallColumn[] = ["call_id", "pbx", "direction", "from", "to", "started_at", "duration", "disposition"];

/**
 * Each check of a row with the reason it words, in the order the file import has always reported
 * them. $4 is the serial an API key covers, or NULL; $5 the first instant of the calls kept.
 */
const CHECKS: RowCheck[] = [
  [`length(call_id) > ${MAX_ID_LENGTH}`, `call_id longer than ${MAX_ID_LENGTH} characters`],
  [`$4::text IS NOT NULL AND pbx <> $4::text`, "PBX not covered by this API key"],
  [`direction IS NULL`, "direction is not in or out"],
  [`NOT ${valid("fr")}`, "from is not a valid E.164 number"],
  [`NOT ${valid("tr")}`, "to is not a valid E.164 number"],
  [`direction = 'OUTBOUND' AND extension = ''`, "missing extension for an outgoing call"],
  [`did <> '' AND did <> to_e164 AND NOT ${valid("dr")}`, "did is not a valid E.164 number"],
  [`started_at IS NULL`, "started_at is not an ISO 8601 date and time"],
  // Its month's partition was dropped (CDR_RETENTION_MONTHS): storing it would rebuild kept roll-ups from it alone.
  [`started_at < $5::timestamptz`, "older than the months of calls the portal keeps"],
  [`answered_text <> '' AND answered_at IS NULL`, "answered_at is not an ISO 8601 date and time"],
  [`answered_at < started_at`, "answered before it started"],
  [`duration IS NULL`, "duration is not a whole number of seconds"],
  [`duration > ${MAX_CALL_SECONDS}`, "duration over four hours"],
  // R14 bounds the whole call: ringing before the answer counts (only said once when talk alone is too long).
  [
    `duration <= ${MAX_CALL_SECONDS} AND extract(epoch FROM answered_at - started_at) + duration > ${MAX_CALL_SECONDS}`,
    "longer than four hours from start to hang-up, ringing included",
  ],
  [`disposition IS NULL`, "disposition is not answered, busy, no_answer or failed"],
  [`disposition <> 'ANSWERED' AND duration > 0`, "talk time on a call that was not answered"],
  [`source_text <> '' AND freephone_source IS NULL`, "freephone_source is not fixed, mobile or payphone"],
  [`freephone_source IS NOT NULL AND direction = 'OUTBOUND'`, "freephone_source on an outgoing call"],
];

const DUPLICATE = "duplicate call id";

/**
 * Checks the batch's rows and moves the good ones into "CallRecord", in one statement: the
 * reasons above, then the PBX by its serial (unknown ones refused), each call's country, area and
 * number type by joins on the placed prefixes and the inventory (decision 0043), the first row of a call id
 * repeated within the batch kept, and ON CONFLICT DO NOTHING turning a call already stored into a
 * duplicate (the unique call id decides, not a prior look-up). Refused rows are kept with their
 * line, reasons and the line as read, up to $2 rows; the counts and the report cover all.
 * $1 the import, $3 the currency of a call not yet rated.
 */
export const STORE_BATCH_SQL = `
WITH ${BATCH_INVENTORY_CTE},
checked AS (
  SELECT r.line, r.raw, r.call_id, r.pbx, r.direction, r.from_e164, r.to_e164, nullif(r.extension, '') AS extension,
    nullif(r.did, '') AS did, r.started_at, r.answered_at, r.duration, r.disposition, r.freephone_source, r.reasons
  FROM (
    SELECT rows.*, ${reasonsSql(
      REQUIRED.map((c) => [c, TEXT_COLUMN[c]]),
      CHECKS,
    )} AS reasons
    FROM cdr_rows rows
    LEFT JOIN cdr_e164_range fr ON fr.range = rows.from_range
    LEFT JOIN cdr_e164_range tr ON tr.range = rows.to_range
    LEFT JOIN cdr_e164_range dr ON dr.range = rows.did_range
  ) r
), good AS (
  SELECT checked.*, p.id AS pbx_id, c.id AS customer_id, c."partnerId" AS partner_id,
    row_number() OVER (PARTITION BY checked.pbx, call_id, started_at ORDER BY line) AS nth,
    ${placementColumns("checked")}
  FROM checked${placementJoins("checked")}
  LEFT JOIN "Pbx" p ON p.serial = checked.pbx
  LEFT JOIN "Customer" c ON c.id = p."customerId"
  WHERE cardinality(reasons) = 0
), ins AS (
  INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164",
    extension, "didE164", "startedAt", "answeredAt", "durationSeconds", disposition, "freephoneSource", cost, currency,
    "countryCode", area, "numberType")
  SELECT partner_id, customer_id, pbx_id, call_id, direction, from_e164, to_e164,
    extension, did, started_at, answered_at, duration, disposition, freephone_source, NULL, $3,
    placed_country, placed_area, placed_type
  FROM good WHERE pbx_id IS NOT NULL AND nth = 1
  ON CONFLICT DO NOTHING
  RETURNING "pbxId", "externalId", "startedAt"
), outcome AS (
  -- A good row's month is the one it is rated in: its partner's calendar month (decision 0041).
  SELECT checked.line, checked.raw,
    to_char((good.started_at AT TIME ZONE 'UTC') AT TIME ZONE pt."timeZone", 'YYYY-MM-01') AS good_month,
    ${outcomeReasonsSql(DUPLICATE)} AS reasons
  FROM checked
  LEFT JOIN good ON good.line = checked.line
  LEFT JOIN ins ON good.nth = 1 AND ins."pbxId" = good.pbx_id AND ins."externalId" = good.call_id AND ins."startedAt" = good.started_at
  LEFT JOIN "Partner" pt ON pt.id = good.partner_id
), ${keepRefusalsAndCountSql(DUPLICATE)}`;
