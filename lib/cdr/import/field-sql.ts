// The SQL pieces every record import (calls, SMS) types and checks its staged lines with
// (docs/decisions/0026, 0044): one wording of each format, whichever table a kind stores into.

// PostgreSQL's regular expressions cost 2-5 µs a call, more than COPY spends on a whole row, while
// translate() and length() are plain C loops. Each check is exactly its regular expression's.
const DIGITS = "0123456789";
/** Only ASCII digits (not \d, which matches other scripts' digits in PostgreSQL), at least one. */
export const digitsOnly = (text: string) => `(${text} <> '' AND translate(${text}, '${DIGITS}', '') = '')`;
/** ^\+[1-9]\d{6,14}$ */
export const e164Shaped = (n: string) =>
  `(left(${n}, 1) = '+' AND length(${n}) BETWEEN 8 AND 16 AND substr(${n}, 2, 1) <> '0' AND ${digitsOnly(`substr(${n}, 2)`)})`;

// ^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$ (case-insensitive), as the
// list of its shapes once digits read 9, "t" and " " read T and "z" reads Z: 8 x 6 shapes.
const SECONDS = ["", ":99", ...[1, 2, 3, 4, 5, 6].map((n) => ":99." + "9".repeat(n))];
const ZONES = ["", "Z", "+99:99", "+9999", "-99:99", "-9999"];
const TIMESTAMP_SHAPES = SECONDS.flatMap((sec) => ZONES.map((zone) => `'9999-99-99T99:99${sec}${zone}'`)).join(", ");

/** An ISO 8601 text as UTC (no offset means UTC: the transaction runs with TimeZone UTC), or NULL. */
export const isoTimestamp = (text: string) =>
  `CASE WHEN translate(${text}, '${DIGITS}tz ', '9999999999TZT') IN (${TIMESTAMP_SHAPES}) AND pg_input_is_valid(${text}, 'timestamptz')
    THEN date_trunc('milliseconds', ${text}::timestamptz AT TIME ZONE 'UTC') END`;

/** The range libphonenumber-js's verdict is memoised by (decision 0014), for an E.164-shaped number. */
export const numberRange = (n: string) => `CASE WHEN ${e164Shaped(n)} THEN left(${n}, -4) || length(${n}) END`;

/**
 * The staged lines split into fields `f` (a text array), one row per non-blank line of `cdr_raw`.
 * A line with a quote, a space or a tab goes through the CSV splitter; plain lines are cut at commas
 * (a regular expression per row would cost more than the whole COPY).
 */
export const SPLIT_LINES_SQL = `
    SELECT line, raw,
      CASE WHEN strpos(raw, '"') > 0 OR strpos(raw, ' ') > 0 OR strpos(raw, E'\\t') > 0 THEN pg_temp.cdr_csv_fields(raw)
           ELSE string_to_array(raw, ',') END AS f
    FROM cdr_raw
    WHERE raw <> '' -- a blank line is NULL: skipped, as csv-parse skipped it
    OFFSET 0 -- evaluate the split once per line, not once per field`;

/** A check of a row: the condition that refuses it and the reason worded in the report. */
export type RowCheck = [condition: string, reason: string];

// A check on a field that did not parse is NULL: not a reason (another check words that field).
const failing = (condition: string) => `coalesce(${condition}, false)`;
const reasonList = (checks: readonly RowCheck[]) =>
  `array_remove(ARRAY[${checks.map(([condition, reason]) => `CASE WHEN ${failing(condition)} THEN '${reason}' END`).join(",\n    ")}], NULL)`;

/**
 * Every reason a row is refused for (all of them, not only the first); empty for a good row, which
 * is decided by one OR of the checks before any array is built (most rows are good). A row missing
 * a required field gets only the missing-field reasons. `required` maps a column to its text field.
 */
export function reasonsSql(required: readonly [column: string, field: string][], checks: readonly RowCheck[]): string {
  return `CASE
  WHEN ${required.map(([, field]) => `${field} = ''`).join(" OR ")}
    THEN ${reasonList(required.map(([column, field]) => [`${field} = ''`, `missing ${column}`]))}
  WHEN ${checks.map(([condition]) => failing(condition)).join(" OR ")}
    THEN ${reasonList(checks)}
  ELSE '{}'::text[] END`;
}

/**
 * Why a row of a store statement's `outcome` was not stored: its own reasons (`checked`), its PBX
 * unknown (`good.pbx_id` NULL), or its id already stored (the `ins` CTE returned no row for it).
 */
export const outcomeReasonsSql = (
  duplicateReason: string,
) => `CASE WHEN cardinality(checked.reasons) > 0 THEN checked.reasons
         WHEN good.pbx_id IS NULL THEN ARRAY['unknown PBX']
         WHEN ins."externalId" IS NULL THEN ARRAY['${duplicateReason}'] END`;

/**
 * The end of a store statement, after its `outcome` CTE (`line, raw, reasons` NULL for a stored row,
 * `good_month` the month a good row is rated in): keeps the refused rows with their line, reasons and
 * the line as read, up to $2 rows for the import $1, and answers the batch's counts (`StoredBatch`).
 */
export const keepRefusalsAndCountSql = (duplicateReason: string) => `kept AS (
  INSERT INTO "CdrImportRefusal" ("importId", line, reasons, raw)
  SELECT $1, line, array_to_string(reasons, '; '), raw
  FROM outcome WHERE reasons IS NOT NULL ORDER BY line LIMIT $2
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT
  count(*)::int AS read,
  count(*) FILTER (WHERE reasons IS NULL)::int AS stored,
  count(*) FILTER (WHERE reasons = ARRAY['${duplicateReason}'])::int AS duplicates,
  count(*) FILTER (WHERE reasons IS NOT NULL AND reasons <> ARRAY['${duplicateReason}'])::int AS refused,
  (SELECT count(*) FROM kept)::int AS kept,
  coalesce((SELECT jsonb_object_agg(reason, n) FROM (
    SELECT reason, count(*)::int AS n FROM outcome, unnest(reasons) AS reason GROUP BY reason) tally), '{}'::jsonb) AS report,
  coalesce(array_agg(DISTINCT good_month) FILTER (WHERE good_month IS NOT NULL), '{}') AS months
FROM outcome`;
