import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { writeSyntheticCalls } from "@/lib/cdr/import/synthetic-calls";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import type { BenchContext } from "./context";

export interface IngestFigures {
  calls: number;
  fileMb: number;
  copySeconds: number;
  /** The same rows, already typed, INSERTed into a copy of the call table with its indexes: no parsing, no checks. */
  floorSeconds: number;
  importSeconds: number;
  rateSeconds: number;
  copyRowsPerSecond: number;
  importRowsPerSecond: number;
  /** Import time over plain COPY time (target: at most 2). */
  ratio: number;
  stored: number;
}

/** Seconds since `started` (a `performance.now()`). */
export const seconds = (started: number) => (performance.now() - started) / 1000;

/** N synthetic calls of last month over the seeded PBXs with a service, as a CDR file in the bench's directory. */
export async function writeBenchCalls(ctx: BenchContext, calls: number) {
  const pbxs = await ctx.prisma.pbx.findMany({
    where: { service: { isNot: null } },
    select: {
      serial: true,
      licenses: { select: { quantity: true } },
      phoneNumbers: { where: { type: { not: "FREEPHONE" } }, select: { e164: true } },
    },
  });
  const usable = pbxs
    .filter((p) => p.phoneNumbers.length > 0)
    .map((p) => ({
      serial: p.serial,
      users: p.licenses.reduce((sum, l) => sum + l.quantity, 0),
      dids: p.phoneNumbers.map((n) => n.e164),
    }));
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const file = path.join(ctx.dir, "calls.csv");
  process.stderr.write(`Writing ${calls} calls over ${usable.length} PBXs…\n`);
  await writeSyntheticCalls(file, { calls, pbxs: usable, month, seed: "bench" });
  return { file, month };
}

/**
 * N synthetic calls of last month over the seeded PBXs, written as a CDR file, then loaded twice in
 * the same run: a plain COPY into an unindexed table of text columns (the physical limit), the
 * same rows typed and INSERTed into an indexed copy of the call table (the floor of any import into
 * it), and the project's import path (COPY the lines to staging, split and check them in SQL,
 * set-based insert into the partitioned, indexed call table). Rating the month is timed on its own.
 */
export async function benchIngest(ctx: BenchContext, { calls }: { calls: number }): Promise<IngestFigures> {
  const { file, month } = await writeBenchCalls(ctx, calls);
  const fileMb = (await stat(file)).size / 1024 / 1024;

  process.stderr.write("Plain COPY…\n");
  await ctx.pool
    .query(`CREATE TABLE bench_plain_copy (call_id text, pbx text, direction text, "from" text, "to" text, extension text,
    did text, started_at text, answered_at text, duration text, disposition text, freephone_source text)`);
  const client = await ctx.pool.connect();
  let started = performance.now();
  try {
    await pipeline(
      createReadStream(file),
      client.query(copyFrom("COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)")),
    );
  } finally {
    client.release();
  }
  const copySeconds = seconds(started);

  // The floor of any import into this table: the rows typed by casts alone (no checks, no
  // report) and INSERTed into a table with the call table's columns, keys and indexes.
  process.stderr.write("Typed INSERT into an indexed copy of the call table…\n");
  await ctx.pool.query(`CREATE TABLE bench_floor (LIKE "CallRecord" INCLUDING ALL)`);
  started = performance.now();
  await ctx.pool
    .query(`INSERT INTO bench_floor ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164", extension,
      "didE164", "startedAt", "answeredAt", "durationSeconds", disposition, cost, currency)
    SELECT c."partnerId", c.id, p.id, b.call_id, CASE b.direction WHEN 'in' THEN 'INBOUND' ELSE 'OUTBOUND' END::"CallDirection",
      b."from", b."to", nullif(b.extension, ''), nullif(b.did, ''), b.started_at::timestamp, nullif(b.answered_at, '')::timestamp,
      b.duration::int, upper(b.disposition)::"CallDisposition", 0, 'EUR'
    FROM bench_plain_copy b JOIN "Pbx" p ON p.serial = b.pbx JOIN "Customer" c ON c.id = p."customerId"
    ON CONFLICT DO NOTHING`);
  const floorSeconds = seconds(started);
  await ctx.pool.query(`DROP TABLE bench_floor`);

  process.stderr.write("Import…\n");
  const { id } = await createImportRow(ctx.prisma, { source: "COMMAND", fileName: file });
  started = performance.now();
  const outcome = await runCallImport(ctx.pool, id, createReadStream(file));
  const importSeconds = seconds(started);

  process.stderr.write("Rating…\n");
  started = performance.now();
  await rateMonth(ctx.prisma, { month: month.toISOString().slice(0, 10) });
  const rateSeconds = seconds(started);

  return {
    calls,
    fileMb,
    copySeconds,
    floorSeconds,
    importSeconds,
    rateSeconds,
    copyRowsPerSecond: calls / copySeconds,
    importRowsPerSecond: calls / importSeconds,
    ratio: importSeconds / copySeconds,
    stored: outcome.rowsStored,
  };
}

export function ingestTable(f: IngestFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return [
    `Call records: ${n(f.calls)} calls, ${f.fileMb.toFixed(0)} MB of CSV (${n(f.stored)} stored)`,
    "",
    "| path | seconds | rows/s |",
    "|---|---:|---:|",
    `| plain COPY into an unindexed table | ${f.copySeconds.toFixed(1)} | ${n(f.copyRowsPerSecond)} |`,
    `| typed INSERT … ON CONFLICT of the same rows into an indexed copy of the call table (no checks: the floor) | ${f.floorSeconds.toFixed(1)} | ${n(f.calls / f.floorSeconds)} |`,
    `| import (COPY the lines to staging, split and check in SQL, INSERT … SELECT into the partitioned call table) | ${f.importSeconds.toFixed(1)} | ${n(f.importRowsPerSecond)} |`,
    `| rating the month (set-based UPDATE) | ${f.rateSeconds.toFixed(1)} | ${n(f.calls / f.rateSeconds)} |`,
    "",
    `Import / the floor: ${(f.importSeconds / f.floorSeconds).toFixed(2)}x (target: within 2x of the typed insert, issue 29); import / plain COPY: ${f.ratio.toFixed(2)}x; the floor / plain COPY: ${(f.floorSeconds / f.copySeconds).toFixed(2)}x`,
  ].join("\n");
}
