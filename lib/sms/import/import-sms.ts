import type { Readable } from "node:stream";
import type pg from "pg";
import {
  addNumberRangeVerdicts,
  runRecordImport,
  type ImportCounts,
  type ImportOutcome,
  type RecordKind,
} from "@/lib/cdr/import/run-import";
import { checkSenderName } from "@/lib/sms/sender-name";
import { OPTIONAL_SMS_COLUMNS, SMS_COLUMNS, type SmsColumn } from "./sms-row";
import {
  ADD_SENDER_NAMES_SQL,
  parseSmsLinesSql,
  SMS_TABLES_SQL,
  STORE_SMS_BATCH_SQL,
  UNKNOWN_SENDER_NAMES_SQL,
  UNKNOWN_SMS_RANGES_SQL,
} from "./sql";

/** R15 as the network applies it: a sender name a PBX reports is one the network sends unchanged. */
const isSentAsIs = (name: string) => checkSenderName(name).isUnchanged;

/** SMS records: stored into "SmsRecord" through the shared record import (docs/decisions/0044). */
export const SMS_RECORDS: RecordKind<SmsColumn> = {
  columns: SMS_COLUMNS,
  optionalColumns: OPTIONAL_SMS_COLUMNS,
  tablesSql: SMS_TABLES_SQL,
  parseLinesSql: parseSmsLinesSql,
  beginRun: () => async (client) => {
    await addNumberRangeVerdicts(client, UNKNOWN_SMS_RANGES_SQL);
    const names = (await client.query<{ name: string }>(UNKNOWN_SENDER_NAMES_SQL)).rows.map((r) => r.name);
    if (names.length) await client.query(ADD_SENDER_NAMES_SQL, [names, names.map(isSentAsIs)]);
  },
  storeBatchSql: STORE_SMS_BATCH_SQL,
  storeParams: ({ importId, refusalRoom, pbxSerial }) => [importId, refusalRoom, pbxSerial],
};

/** Reads a file of SMS records and stores them (validated, idempotent by the PBX's message id). */
export function runSmsImport(
  pool: pg.Pool,
  importId: string,
  input: Readable,
  options?: { batchRows?: number; onProgress?: (counts: ImportCounts) => void },
): Promise<ImportOutcome> {
  return runRecordImport(SMS_RECORDS, pool, importId, input, options);
}
