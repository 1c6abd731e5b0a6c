// The checks of an SMS row live in SQL, as a call row's do (docs/decisions/0026, 0044): the file's
// lines are COPYed into the call import's staging table and validated set-based here.
import {
  digitsOnly,
  isoTimestamp,
  keepRefusalsAndCountSql,
  outcomeReasonsSql,
  numberRange,
  reasonsSql,
  SPLIT_LINES_SQL,
  type RowCheck,
} from "@/lib/cdr/import/field-sql";
import { IMPORT_TABLES_SQL } from "@/lib/cdr/import/sql";
import { MAX_MESSAGE_ID_LENGTH, MAX_SEGMENTS, SMS_COLUMNS, type SmsColumn } from "./sms-row";

/**
 * The call import's staging (`cdr_raw`, the number-range verdicts, the CSV splitter), plus:
 * - `sms_rows`: the staged lines split into trimmed fields and typed, NULL where a field does not parse;
 * - `sms_sender_name`: R15's verdict per sender name (lib/sms/sender-name.ts), filled by Node for
 *   the names a batch brings that the connection has not seen (a PBX sends few distinct names).
 */
export const SMS_TABLES_SQL = [
  ...IMPORT_TABLES_SQL,
  `CREATE TEMP TABLE IF NOT EXISTS sms_rows (
    line integer NOT NULL,
    raw text NOT NULL,
    message_id text NOT NULL,
    pbx text NOT NULL,
    direction_text text NOT NULL,
    from_e164 text NOT NULL,
    to_e164 text NOT NULL,
    extension text NOT NULL,
    sent_text text NOT NULL,
    segments_text text NOT NULL,
    sender_name text NOT NULL,
    direction "CallDirection",
    sent_at timestamp(3),
    segments integer,
    from_range text,
    to_range text
  ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS sms_sender_name (name text PRIMARY KEY, valid boolean NOT NULL)`,
];

/** Where each CSV column's text goes in `sms_rows`. */
const TEXT_COLUMN: Record<SmsColumn, string> = {
  message_id: "message_id",
  pbx: "pbx",
  direction: "direction_text",
  from: "from_e164",
  to: "to_e164",
  extension: "extension",
  sent_at: "sent_text",
  segments: "segments_text",
  sender_name: "sender_name",
};

/** Splits and types the batch's lines into `sms_rows` (`header`: each known column's position). */
export function parseSmsLinesSql(header: Map<SmsColumn, number>): string {
  const field = (c: SmsColumn) => (header.has(c) ? `coalesce(f[${header.get(c)! + 1}], '')` : `''`);
  const segments = field("segments");
  return `
INSERT INTO sms_rows
SELECT typed.*, ${numberRange("from_e164")}, ${numberRange("to_e164")}
FROM (
  SELECT line, raw, ${SMS_COLUMNS.map((c) => `${field(c)} AS ${TEXT_COLUMN[c]}`).join(", ")},
    CASE lower(${field("direction")}) WHEN 'in' THEN 'INBOUND' WHEN 'inbound' THEN 'INBOUND' WHEN 'out' THEN 'OUTBOUND'
      WHEN 'outbound' THEN 'OUTBOUND' END::"CallDirection" AS direction,
    ${isoTimestamp(field("sent_at"))},
    -- A PBX that does not split messages sends no segments: one.
    CASE WHEN ${segments} = '' THEN 1 WHEN length(${segments}) <= 2 AND ${digitsOnly(segments)} THEN ${segments}::integer END
  FROM (${SPLIT_LINES_SQL}
  ) split
) typed`;
}

/** The batch's sender names the connection has no R15 verdict for yet. */
export const UNKNOWN_SENDER_NAMES_SQL = `
SELECT DISTINCT sender_name AS name FROM sms_rows
WHERE sender_name <> '' AND NOT EXISTS (SELECT FROM sms_sender_name k WHERE k.name = sms_rows.sender_name)`;

export const ADD_SENDER_NAMES_SQL = `INSERT INTO sms_sender_name SELECT * FROM unnest($1::text[], $2::boolean[]) ON CONFLICT DO NOTHING`;

/** The batch's number ranges with no libphonenumber-js verdict yet, one number of each (decision 0014). */
export const UNKNOWN_SMS_RANGES_SQL = `
SELECT range, min(n) AS sample
FROM (SELECT from_range AS range, from_e164 AS n FROM sms_rows UNION ALL SELECT to_range, to_e164 FROM sms_rows) numbers
WHERE range IS NOT NULL AND NOT EXISTS (SELECT FROM cdr_e164_range k WHERE k.range = numbers.range)
GROUP BY range`;

const DUPLICATE = "duplicate message id";
const REQUIRED: SmsColumn[] = ["message_id", "pbx", "direction", "from", "to", "sent_at"];

/** Each check of a row with the reason it words. $3 is the serial an API key covers, or NULL. */
const CHECKS: RowCheck[] = [
  [`length(message_id) > ${MAX_MESSAGE_ID_LENGTH}`, `message_id longer than ${MAX_MESSAGE_ID_LENGTH} characters`],
  [`$3::text IS NOT NULL AND pbx <> $3::text`, "PBX not covered by this API key"],
  [`direction IS NULL`, "direction is not in or out"],
  [`NOT coalesce(fr.valid, false)`, "from is not a valid E.164 number"],
  [`NOT coalesce(tr.valid, false)`, "to is not a valid E.164 number"],
  // R15 counts a user's sent messages: a sent SMS without its user could be counted against no one.
  [`direction = 'OUTBOUND' AND extension = ''`, "missing extension for a sent SMS"],
  [`sent_at IS NULL`, "sent_at is not an ISO 8601 date and time"],
  [
    `segments IS NULL OR segments NOT BETWEEN 1 AND ${MAX_SEGMENTS}`,
    `segments is not a whole number from 1 to ${MAX_SEGMENTS}`,
  ],
  [
    `sender_name <> '' AND NOT coalesce(sn.valid, false)`,
    "sender_name is not a valid sender name (at most 10 symbols of the SMS set)",
  ],
];

/**
 * Checks the batch's rows and moves the good ones into "SmsRecord" in one statement, as the call
 * import does: the PBX by its serial (unknown ones refused), the first row of a message id repeated
 * within the batch kept, ON CONFLICT DO NOTHING on (pbxId, externalId) turning a message already
 * stored into a duplicate. Stored unpriced (cost NULL until rating). Refused rows are kept with their
 * line, reasons and the line as read, up to $2 rows. $1 the import. The months returned are the
 * partners' local calendar months the messages were sent in (R15 counts per partner month, 0041).
 */
export const STORE_SMS_BATCH_SQL = `
WITH checked AS (
  SELECT r.line, r.raw, r.message_id, r.pbx, r.direction, r.from_e164, r.to_e164, nullif(r.extension, '') AS extension,
    nullif(r.sender_name, '') AS sender_name, r.segments, r.sent_at, r.reasons
  FROM (
    SELECT rows.*, ${reasonsSql(
      REQUIRED.map((c) => [c, TEXT_COLUMN[c]]),
      CHECKS,
    )} AS reasons
    FROM sms_rows rows
    LEFT JOIN cdr_e164_range fr ON fr.range = rows.from_range
    LEFT JOIN cdr_e164_range tr ON tr.range = rows.to_range
    LEFT JOIN sms_sender_name sn ON sn.name = rows.sender_name
  ) r
), good AS (
  SELECT checked.*, p.id AS pbx_id, c.id AS customer_id, c."partnerId" AS partner_id, pa."timeZone" AS time_zone,
    row_number() OVER (PARTITION BY checked.pbx, message_id ORDER BY line) AS nth
  FROM checked
  LEFT JOIN "Pbx" p ON p.serial = checked.pbx
  LEFT JOIN "Customer" c ON c.id = p."customerId"
  LEFT JOIN "Partner" pa ON pa.id = c."partnerId"
  WHERE cardinality(reasons) = 0
), ins AS (
  INSERT INTO "SmsRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164",
    extension, "senderName", segments, "sentAt", currency)
  SELECT partner_id, customer_id, pbx_id, message_id, direction, from_e164, to_e164,
    extension, sender_name, segments, sent_at, 'EUR'
  FROM good WHERE pbx_id IS NOT NULL AND nth = 1
  ON CONFLICT DO NOTHING
  RETURNING "pbxId", "externalId"
), outcome AS (
  SELECT checked.line, checked.raw,
    to_char(good.sent_at AT TIME ZONE 'UTC' AT TIME ZONE good.time_zone, 'YYYY-MM-01') AS good_month,
    ${outcomeReasonsSql(DUPLICATE)} AS reasons
  FROM checked
  LEFT JOIN good ON good.line = checked.line
  LEFT JOIN ins ON good.nth = 1 AND ins."pbxId" = good.pbx_id AND ins."externalId" = good.message_id
), ${keepRefusalsAndCountSql(DUPLICATE)}`;
