import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ensureCallRecordPartitions } from "@/lib/cdr/partitions";
import { CALL_COLUMNS, validateCallRecord, type CallColumn, type CallRow } from "./call-row";
import { copyValue, csvLine } from "./copy-text";
import { STAGE_CALLS_SQL, STAGING_TABLE_SQL } from "./sql";

/** Rows per transaction: large enough for COPY to pay, small enough that a crash loses little. */
export const DEFAULT_BATCH_ROWS = 20_000;
/** Refused rows kept for the download; the counts in the report cover all of them. */
export const REFUSALS_KEPT = 10_000;
/** Calls stored before rating sets the price list's currency. */
const UNRATED_CURRENCY = "EUR";

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
  /** First days (UTC) of the months whose calls this run stored or met again: what to rate. */
  months: string[];
}

interface Refusal {
  line: number;
  reasons: string;
  raw: string;
}

interface Batch {
  copyLines: string[];
  refusals: Refusal[];
  read: number;
  lastLine: number;
  months: Set<string>;
}

const newBatch = (): Batch => ({ copyLines: [], refusals: [], read: 0, lastLine: 0, months: new Set() });

function copyLine(row: CallRow): string {
  return [
    row.line, row.callId, row.pbxSerial, row.direction, row.fromE164, row.toE164, row.extension, row.didE164,
    row.startedAt.toISOString(), row.answeredAt?.toISOString() ?? null, row.durationSeconds, row.disposition, row.freephoneSource,
  ].map(copyValue).join("\t") + "\n";
}

async function copyInto(client: pg.PoolClient, lines: string[]) {
  const stream = client.query(copyFrom("COPY cdr_staging FROM STDIN"));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve).on("error", reject);
    // Written in chunks: one write per row costs more than the COPY itself.
    for (let i = 0; i < lines.length; i += 1000) stream.write(lines.slice(i, i + 1000).join(""));
    stream.end();
  });
}

/**
 * Reads a CDR file and stores its calls: each batch is COPYed into a temporary staging table and
 * moved into "CallRecord" by one set-based INSERT … ON CONFLICT DO NOTHING, in one transaction with
 * the batch's refusals and the import's counters. A process killed mid-batch leaves nothing of
 * that batch; running the import again skips the lines its committed batches covered (and the
 * unique call id turns any repeat into a duplicate, never a second row).
 */
export async function runCallImport(
  pool: pg.Pool,
  importId: string,
  input: Readable,
  { batchRows = DEFAULT_BATCH_ROWS, onProgress }: { batchRows?: number; onProgress?: (counts: ImportCounts) => void } = {},
): Promise<ImportOutcome> {
  const { rows: [job] } = await pool.query<ImportCounts & { pbxSerial: string | null; pbxId: string | null }>(
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
    rowsRead: job.rowsRead, rowsStored: job.rowsStored, rowsDuplicate: job.rowsDuplicate,
    rowsRefused: job.rowsRefused, committedLine: job.committedLine, report: { ...job.report },
  };
  const allowedSerial = job.pbxSerial ?? undefined;
  const months = new Set<string>();
  const knownPartitions = new Set<string>();
  let refusalsKept = counts.rowsRefused + counts.rowsDuplicate;

  const client = await pool.connect();
  try {
    await client.query(STAGING_TABLE_SQL);
    const flush = async (batch: Batch) => {
      if (batch.read === 0) return;
      const fresh = [...batch.months].filter((m) => !knownPartitions.has(m)).sort();
      if (fresh.length) {
        await ensureCallRecordPartitions((sql) => client.query(sql), new Date(fresh[0]), new Date(fresh[fresh.length - 1]));
        fresh.forEach((m) => knownPartitions.add(m));
      }
      await client.query("BEGIN");
      try {
        // The planner cannot estimate the RETURNING rows it joins the batch with, and a nested loop
        // over two batches is quadratic: hash joins only, for this transaction.
        await client.query("SET LOCAL enable_nestloop = off");
        await copyInto(client, batch.copyLines);
        const room = Math.max(0, REFUSALS_KEPT - refusalsKept);
        const { rows: [staged] } = await client.query<{ stored: number; duplicates: number; unknown: number }>(STAGE_CALLS_SQL, [importId, room, UNRATED_CURRENCY]);
        const kept = batch.refusals.slice(0, Math.max(0, room - staged.duplicates - staged.unknown));
        if (kept.length) {
          await client.query(
            `INSERT INTO "CdrImportRefusal" ("importId", line, reasons, raw)
             SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
            [importId, kept.map((r) => r.line), kept.map((r) => r.reasons), kept.map((r) => r.raw)],
          );
        }
        const next: ImportCounts = {
          rowsRead: counts.rowsRead + batch.read,
          rowsStored: counts.rowsStored + staged.stored,
          rowsDuplicate: counts.rowsDuplicate + staged.duplicates,
          rowsRefused: counts.rowsRefused + batch.refusals.length + staged.unknown,
          committedLine: batch.lastLine,
          report: { ...counts.report },
        };
        const tally = (reason: string, n: number) => {
          if (n > 0) next.report[reason] = (next.report[reason] ?? 0) + n;
        };
        for (const refusal of batch.refusals) for (const reason of refusal.reasons.split("; ")) tally(reason, 1);
        tally("duplicate call id", staged.duplicates);
        tally("unknown PBX", staged.unknown);
        await client.query(
          `UPDATE "CdrImport" SET "rowsRead" = $2, "rowsStored" = $3, "rowsDuplicate" = $4, "rowsRefused" = $5, "committedLine" = $6, report = $7 WHERE id = $1`,
          [importId, next.rowsRead, next.rowsStored, next.rowsDuplicate, next.rowsRefused, next.committedLine, JSON.stringify(next.report)],
        );
        await client.query("COMMIT");
        Object.assign(counts, next);
        refusalsKept += kept.length + Math.min(room, staged.duplicates + staged.unknown);
        batch.months.forEach((m) => months.add(m));
        onProgress?.(counts);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    };

    const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
    let header: Map<CallColumn, number> | null = null;
    let line = 0;
    let batch = newBatch();
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!header) {
        header = readHeader(record);
        continue;
      }
      if (line <= counts.committedLine) continue;
      const fields = header;
      const outcome = validateCallRecord((column) => record[fields.get(column) ?? -1] ?? "", line, allowedSerial);
      if (outcome.ok) {
        batch.copyLines.push(copyLine(outcome.row));
        batch.months.add(outcome.row.startedAt.toISOString().slice(0, 7) + "-01");
      } else {
        batch.refusals.push({ line, reasons: outcome.reasons.join("; "), raw: csvLine(record) });
      }
      batch.read++;
      batch.lastLine = line;
      if (batch.read >= batchRows) {
        await flush(batch);
        batch = newBatch();
      }
    }
    if (!header) throw new Error("The file is empty: expected a header line naming the columns.");
    await flush(batch);
  } finally {
    client.release();
  }
  await pool.query(`UPDATE "CdrImport" SET status = 'DONE', "finishedAt" = now() WHERE id = $1`, [importId]);
  return { ...counts, months: [...months].sort() };
}

function readHeader(record: string[]): Map<CallColumn, number> {
  const header = new Map<CallColumn, number>();
  record.forEach((name, index) => {
    const column = name.trim().toLowerCase() as CallColumn;
    if ((CALL_COLUMNS as readonly string[]).includes(column)) header.set(column, index);
  });
  const missing = CALL_COLUMNS.filter((c) => !header.has(c) && !["extension", "did", "answered_at", "freephone_source"].includes(c));
  if (missing.length) throw new Error(`The header line lacks the columns ${missing.join(", ")} (expected ${CALL_COLUMNS.join(",")}).`);
  return header;
}
