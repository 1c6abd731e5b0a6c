// The two raters compared on 100,000 random months (npm run bench:rating-oracle [-- --cases N] [--seed S]):
// the property test of lib/cdr/rating/oracle-property.test.ts at the size `npm test` cannot afford, on a
// throw-away PostgreSQL. Prints how many records were compared, the mismatches (must be 0; the first
// ones in full) and where the time went; exits 1 on any mismatch or refused call.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { ratingCaseArb } from "@/lib/testing/rating-oracle/cases";
import { compareRaters, describeMismatch } from "@/lib/testing/rating-oracle/compare";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error("Usage: npm run bench:rating-oracle [-- --cases N] [--seed S]");
    process.exit(2);
  }
  return value;
};
const CASES = option("cases", 100_000);
const SEED = option("seed", 20_261_029);

const scratch = await mkdtemp(path.join(os.tmpdir(), "classound-bench-rating-oracle-"));
// Disposable (no fsync): what is measured is the two raters agreeing, not durable commits.
const server = await startEmbeddedPostgres(path.join(scratch, "pg"), { disposable: true });
let failed = true;
try {
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 2);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const started = performance.now();
    const cases = fc.sample(ratingCaseArb, { seed: SEED, numRuns: CASES });
    const generated = Math.round(performance.now() - started);
    const report = await compareRaters(prisma, pool, cases, { seed: SEED, tag: "b", maxMismatches: 20 });
    console.log(`seed ${SEED}: ${report.cases} cases, ${report.callsStored} calls and ${report.smsStored} SMS stored`);
    console.log(`records compared (October alone, then September-November): ${report.compared}`);
    console.log(`mismatches: ${report.mismatchCount}`);
    const refused = Object.values(report.refused).reduce((sum, n) => sum + n, 0);
    console.log(
      `calls refused by the import: ${refused} (past four hours, R14: ${report.callsOverFourHours})`,
      report.refused,
    );
    if (report.mismatchCount) {
      console.log("by kind:", report.kinds);
      report.mismatches.forEach((m) => console.log(describeMismatch(m)));
    }
    console.log("outcomes (as the oracle rated them):", report.outcomes);
    console.log("timings:", { "generate ms": generated, ...report.timings });
    console.log(`total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    failed = report.mismatchCount > 0 || refused !== report.callsOverFourHours;
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
