import type { Readable } from "node:stream";
import type pg from "pg";
import { ensureCallRecordPartitions } from "@/lib/cdr/partitions";
import { placeBatch } from "@/lib/cdr/placement/batch";
import { CALL_COLUMNS, OPTIONAL_COLUMNS, type CallColumn } from "./call-row";
import {
  addNumberRangeVerdicts,
  runRecordImport,
  type ImportCounts,
  type ImportOutcome,
  type RecordKind,
} from "./run-import";
import { keptFrom } from "@/lib/cdr/retention";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { BATCH_MONTHS_SQL, IMPORT_TABLES_SQL, parseLinesSql, STORE_BATCH_SQL, UNKNOWN_RANGES_SQL } from "./sql";

export { DEFAULT_BATCH_ROWS, REFUSALS_KEPT, type ImportCounts, type ImportOutcome } from "./run-import";

/** Calls stored before rating sets the price list's currency. */
const UNRATED_CURRENCY = "EUR";

/** Call records: stored into the partitioned "CallRecord" (lib/cdr/import/sql.ts states the checks). */
export const CALL_RECORDS: RecordKind<CallColumn> = {
  columns: CALL_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  tablesSql: IMPORT_TABLES_SQL,
  parseLinesSql,
  beginRun() {
    const knownPartitions = new Set<string>();
    return async (client) => {
      const fresh = (await client.query<{ month: string }>(BATCH_MONTHS_SQL)).rows
        .map((r) => r.month)
        .filter((m) => !knownPartitions.has(m));
      if (fresh.length)
        await ensureCallRecordPartitions(
          (sql) => client.query(sql),
          new Date(fresh[0]),
          new Date(fresh[fresh.length - 1]),
        );
      await addNumberRangeVerdicts(client, UNKNOWN_RANGES_SQL);
      await placeBatch(client); // after the verdicts: only valid numbers place a prefix (decision 0043)
      // A failed batch ends the run, so a partition it created and rolled back is never counted as known.
      fresh.forEach((m) => knownPartitions.add(m));
    };
  },
  storeBatchSql: STORE_BATCH_SQL,
  storeParams: ({ importId, refusalRoom, pbxSerial }) => [
    importId,
    refusalRoom,
    UNRATED_CURRENCY,
    pbxSerial,
    keptFrom(new Date(), readRuntimeEnv().CDR_RETENTION_MONTHS),
  ],
};

/**
 * Reads a CDR file and stores its calls through the shared record import (lib/cdr/import/run-import.ts,
 * docs/decisions/0014, 0026).
 */
export function runCallImport(
  pool: pg.Pool,
  importId: string,
  input: Readable,
  options?: { batchRows?: number; onProgress?: (counts: ImportCounts) => void },
): Promise<ImportOutcome> {
  return runRecordImport(CALL_RECORDS, pool, importId, input, options);
}
