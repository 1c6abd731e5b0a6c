import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { isValidNumberRange } from "./e164";
import { ADD_RANGES_SQL, COPY_RAW_SQL, NUMBER_LINES_SQL } from "./sql";

/** Lines per transaction: large enough for COPY to pay, small enough that a crash loses little. */
export const DEFAULT_BATCH_ROWS = 20_000;
/** Refused rows kept for the download; the counts in the report cover all of them. */
export const REFUSALS_KEPT = 10_000;

export interface ImportCounts {
  rowsRead: number;
  rowsStored: number;
  rowsDuplicate: number;
  rowsRefused: number;
  committedLine: number;
  /** Refusals and duplicates by reason. */
  report: Record<string, number>;
}

export interface ImportOutcome extends ImportCounts {
  /** First days of the months whose records this run stored or met again: what to rate. */
  months: string[];
}

/** What one batch's store statement answers (every kind's statement returns these columns). */
export interface StoredBatch {
  read: number;
  stored: number;
  duplicates: number;
  refused: number;
  kept: number;
  report: Record<string, number>;
  months: string[];
}

/**
 * What differs between the record kinds an import reads (calls, SMS, docs/decisions/0044): the
 * columns, the working tables, how a batch's lines are typed, what runs before the store (number
 * verdicts, partitions) and the store itself. Staging, batching, resuming and counting are shared.
 */
export interface RecordKind<Column extends string> {
  columns: readonly Column[];
  /** Columns a file's header may leave out (read as empty in every row). */
  optionalColumns: readonly Column[];
  /** The connection's working tables, created once per run (temporary, `IF NOT EXISTS`). */
  tablesSql: readonly string[];
  /** Splits and types the staged lines; `header` maps each known column to its position. */
  parseLinesSql(header: Map<Column, number>): string;
  /** A run's step between typing a batch and storing it, in the batch's transaction (state lives per run). */
  beginRun(): (client: pg.PoolClient) => Promise<void>;
  /** Checks and stores the typed batch; answers a `StoredBatch` row. */
  storeBatchSql: string;
  /** The store statement's parameters. */
  storeParams(job: { importId: string; refusalRoom: number; pbxSerial: string | null }): unknown[];
}

/** Whole lines of the file: `first`..`last` are their line numbers (the header is line 1). */
interface LineBatch {
  first: number;
  last: number;
  bytes: Buffer;
}

const NEWLINE = 0x0a;

/**
 * The file as batches of whole lines, cut by counting newlines (native Buffer scans: no line is
 * decoded or split in Node). The header comes first as a batch of its own, then `batchRows` lines
 * per batch; the lines after the header up to `skipThrough` (what earlier runs committed) are
 * dropped unread.
 */
async function* lineBatches(input: Readable, batchRows: number, skipThrough: number): AsyncGenerator<LineBatch> {
  let parts: Buffer[] = [];
  let line = 1; // the line the next byte belongs to
  let first = 1;
  let size = 1; // the header alone first
  let skipping = false;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    let start = 0;
    while (start < bytes.length) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end < 0) {
        if (!skipping) parts.push(bytes.subarray(start));
        break;
      }
      if (!skipping) parts.push(bytes.subarray(start, end + 1));
      start = end + 1;
      line++;
      if (skipping) {
        if (line > skipThrough) [skipping, first] = [false, line];
      } else if (line - first >= size) {
        yield { first, last: line - 1, bytes: Buffer.concat(parts) };
        [parts, first, size] = [[], line, batchRows];
        skipping = line <= skipThrough;
      }
    }
  }
  if (parts.length) {
    // The rest of the file: whole lines, and perhaps a last line without a newline.
    const bytes = Buffer.concat(parts);
    yield { first, last: bytes[bytes.length - 1] === NEWLINE ? line - 1 : line, bytes };
  }
}

/** COPY text cannot carry these (the staging COPY's separators, and NUL): refuse the file, loudly. */
const FORBIDDEN_BYTES = [0x00, 0x01, 0x02];

/** The batch as COPY reads it: Windows line ends become plain ones (COPY wants one kind per COPY). */
function copyBytes(batch: LineBatch): Buffer {
  for (const byte of FORBIDDEN_BYTES) {
    if (batch.bytes.includes(byte))
      throw new Error(
        `Lines ${batch.first}-${batch.last} contain a control character (byte ${byte}): a CDR file is text.`,
      );
  }
  if (!batch.bytes.includes(0x0d)) return batch.bytes;
  return Buffer.from(batch.bytes.toString("latin1").replaceAll("\r", ""), "latin1");
}

async function copyLines(client: pg.PoolClient, bytes: Buffer) {
  const stream = client.query(copyFrom(COPY_RAW_SQL));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve).on("error", reject);
    stream.end(bytes);
  });
}

/**
 * Asks libphonenumber-js about the number ranges a batch brings that the connection has no verdict
 * for yet (`unknownRangesSql` answers `range, sample`), once per range (decision 0014), and keeps
 * the verdicts in `cdr_e164_range` for the checks' join.
 */
export async function addNumberRangeVerdicts(client: pg.PoolClient, unknownRangesSql: string) {
  const ranges = (await client.query<{ range: string; sample: string }>(unknownRangesSql)).rows;
  if (ranges.length)
    await client.query(ADD_RANGES_SQL, [ranges.map((r) => r.range), ranges.map((r) => isValidNumberRange(r.sample))]);
}

/**
 * Reads a file of records of one kind and stores them. Each batch of lines is COPYed as it is into
 * a temporary table, split, typed and checked in SQL, and moved into the kind's table by one
 * set-based INSERT … ON CONFLICT DO NOTHING, in one transaction with the batch's refusals and the
 * import's counters (docs/decisions/0014, 0026). A process killed mid-batch leaves nothing of that
 * batch; running the import again skips the lines its committed batches covered (and the unique
 * record id turns any repeat into a duplicate, never a second row).
 */
export async function runRecordImport<Column extends string>(
  kind: RecordKind<Column>,
  pool: pg.Pool,
  importId: string,
  input: Readable,
  {
    batchRows = DEFAULT_BATCH_ROWS,
    onProgress,
  }: { batchRows?: number; onProgress?: (counts: ImportCounts) => void } = {},
): Promise<ImportOutcome> {
  const {
    rows: [job],
  } = await pool.query<ImportCounts & { pbxSerial: string | null; pbxId: string | null }>(
    `UPDATE "CdrImport" i SET status = 'RUNNING', "startedAt" = COALESCE(i."startedAt", now()), error = NULL
     FROM "CdrImport" j LEFT JOIN "Pbx" p ON p.id = j."pbxId"
     WHERE i.id = $1 AND j.id = i.id
     RETURNING i."rowsRead" AS "rowsRead", i."rowsStored" AS "rowsStored", i."rowsDuplicate" AS "rowsDuplicate",
       i."rowsRefused" AS "rowsRefused", i."committedLine" AS "committedLine", COALESCE(i.report, '{}'::jsonb) AS report,
       p.serial AS "pbxSerial", i."pbxId" AS "pbxId"`,
    [importId],
  );
  if (!job) throw new Error(`No CDR import ${importId}`);
  const counts: ImportCounts = {
    rowsRead: job.rowsRead,
    rowsStored: job.rowsStored,
    rowsDuplicate: job.rowsDuplicate,
    rowsRefused: job.rowsRefused,
    committedLine: job.committedLine,
    report: { ...job.report },
  };
  const months = new Set<string>();
  const prepareBatch = kind.beginRun();
  let refusalsKept = counts.rowsRefused + counts.rowsDuplicate;

  const client = await pool.connect();
  try {
    for (const sql of kind.tablesSql) await client.query(sql);
    let storeLines: string | null = null;
    for await (const batch of lineBatches(input, batchRows, job.committedLine)) {
      if (!storeLines) {
        storeLines = kind.parseLinesSql(readHeader(kind, batch.bytes));
        continue;
      }
      await client.query("BEGIN");
      try {
        // Text without an offset is UTC; the batch's sorts and hashes stay in memory; the planner
        // cannot estimate the RETURNING rows the batch is joined with, and a nested loop over two
        // batches is quadratic: hash joins only.
        await client.query("SET LOCAL TimeZone = 'UTC'");
        await client.query("SET LOCAL work_mem = '64MB'");
        await client.query("SET LOCAL enable_nestloop = off");
        await client.query(NUMBER_LINES_SQL, [batch.first]);
        await copyLines(client, copyBytes(batch));
        await client.query(storeLines);
        await prepareBatch(client);

        const refusalRoom = Math.max(0, REFUSALS_KEPT - refusalsKept);
        const {
          rows: [stored],
        } = await client.query<StoredBatch>(
          kind.storeBatchSql,
          kind.storeParams({ importId, refusalRoom, pbxSerial: job.pbxSerial }),
        );
        const next: ImportCounts = {
          rowsRead: counts.rowsRead + stored.read,
          rowsStored: counts.rowsStored + stored.stored,
          rowsDuplicate: counts.rowsDuplicate + stored.duplicates,
          rowsRefused: counts.rowsRefused + stored.refused,
          committedLine: batch.last,
          report: { ...counts.report },
        };
        for (const [reason, n] of Object.entries(stored.report)) next.report[reason] = (next.report[reason] ?? 0) + n;
        await client.query(
          `UPDATE "CdrImport" SET "rowsRead" = $2, "rowsStored" = $3, "rowsDuplicate" = $4, "rowsRefused" = $5, "committedLine" = $6, report = $7 WHERE id = $1`,
          [
            importId,
            next.rowsRead,
            next.rowsStored,
            next.rowsDuplicate,
            next.rowsRefused,
            next.committedLine,
            JSON.stringify(next.report),
          ],
        );
        await client.query("COMMIT");
        Object.assign(counts, next);
        refusalsKept += stored.kept;
        stored.months.forEach((m) => months.add(m));
        onProgress?.(counts);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    }
    if (!storeLines) throw new Error("The file is empty: expected a header line naming the columns.");
  } finally {
    client.release();
  }
  await pool.query(`UPDATE "CdrImport" SET status = 'DONE', "finishedAt" = now() WHERE id = $1`, [importId]);
  return { ...counts, months: [...months].sort() };
}

/** Which column is where: the header line names them, in any order (a BOM and spaces ignored). */
function readHeader<Column extends string>(kind: RecordKind<Column>, bytes: Buffer): Map<Column, number> {
  const [record = []] = parse(bytes, { bom: true, trim: true, relax_column_count: true }) as string[][];
  const header = new Map<Column, number>();
  record.forEach((name, index) => {
    const column = name.trim().toLowerCase() as Column;
    if (kind.columns.includes(column) && !header.has(column)) header.set(column, index);
  });
  const missing = kind.columns.filter((c) => !header.has(c) && !kind.optionalColumns.includes(c));
  if (missing.length)
    throw new Error(`The header line lacks the columns ${missing.join(", ")} (expected ${kind.columns.join(",")}).`);
  return header;
}
