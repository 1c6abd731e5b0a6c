// Diagnosis of the import's cost (docs/performance.md "Call records"): npx tsx bench/cdr/probe.ts [calls].
// Plain COPY next to the import with each of the import's statements timed (by its first words).
import pg from "pg";
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { startBenchDatabase } from "@/bench/cdr/context";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { writeSyntheticCalls } from "@/lib/cdr/import/synthetic-calls";

const calls = Number(process.argv[2] ?? 50000);
const cpuOfBackend = (client: pg.PoolClient) => {
  const f = readFileSync(`/proc/${(client as unknown as { processID: number }).processID}/stat`, "utf8")
    .split(") ")[1]
    .split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
};
const ctx = await startBenchDatabase();
try {
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
      users: p.licenses.reduce((s, l) => s + l.quantity, 0),
      dids: p.phoneNumbers.map((n) => n.e164),
    }));
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const file = path.join(ctx.dir, "calls.csv");
  await writeSyntheticCalls(file, { calls, pbxs: usable, month, seed: "bench" });
  await ctx.pool.query(
    `CREATE TABLE bench_plain_copy (call_id text, pbx text, direction text, "from" text, "to" text, extension text, did text, started_at text, answered_at text, duration text, disposition text, freephone_source text)`,
  );
  const c0 = await ctx.pool.connect();
  let t = performance.now();
  const pc0 = cpuOfBackend(c0);
  await pipeline(
    createReadStream(file),
    c0.query(copyFrom("COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)")),
  );
  console.log(
    "plain copy",
    ((performance.now() - t) / 1000).toFixed(2),
    "s, server CPU",
    (cpuOfBackend(c0) - pc0).toFixed(2),
    "s",
  );
  c0.release();
  console.log((await ctx.pool.query(`SELECT tableoid::regclass, count(*) FROM "CallRecord" GROUP BY 1`)).rows);
  console.log(
    (await ctx.pool.query(`SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '"CallRecord"'::regclass`))
      .rows,
  );
  console.log(
    (
      await ctx.pool.query(
        `SELECT tgname, tgrelid::regclass, tgfoid::regproc FROM pg_trigger WHERE tgrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = '"CallRecord"'::regclass) OR tgrelid = '"CallRecord"'::regclass`,
      )
    ).rows,
  );
  const timings: Record<string, number> = {};
  // Every statement of the import timed by its first words (COPY streams by their end).
  type Query = (...args: unknown[]) => {
    then?: (a: () => void, b: () => void) => void;
    on?: (e: string, f: () => void) => void;
  };
  const proto = pg.Client.prototype as unknown as { query: Query };
  const orig = proto.query;
  // The server process's CPU seconds too (/proc, the embedded server is local): on a machine
  // others load, wall time mostly measures the wait for a core.
  const cpu: Record<string, number> = {};
  const cpuOf = (pid: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return 0;
    }
  };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const key = typeof args[0] === "string" ? args[0].trim().slice(0, 30) : "COPY/other";
    const pid = (this as { processID: number }).processID;
    const t0 = performance.now();
    const c0 = cpuOf(pid);
    const r = orig.apply(this, args);
    const done = () => {
      const d = performance.now() - t0;
      timings[key] = (timings[key] ?? 0) + d;
      cpu[key] = (cpu[key] ?? 0) + cpuOf(pid) - c0;
    };
    if (typeof r?.then === "function") r.then(done, done);
    else r?.on?.("finish", done);
    return r;
  };
  const { id } = await createImportRow(ctx.prisma, { source: "COMMAND", fileName: file });
  t = performance.now();
  const out = await runCallImport(ctx.pool, id, createReadStream(file));
  console.log("    wall  server CPU (s)");
  for (const [k, v] of Object.entries(timings))
    console.log((v / 1000).toFixed(2).padStart(8), cpu[k].toFixed(2).padStart(8), JSON.stringify(k));
  console.log(
    "import",
    ((performance.now() - t) / 1000).toFixed(2),
    out.rowsStored,
    out.rowsRefused,
    out.rowsDuplicate,
  );
} finally {
  await ctx.stop();
}
