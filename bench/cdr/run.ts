// Call-record benchmark (npm run bench:cdr [-- --calls 10000000] [--ingest-only | --incremental | --freshness]): ingest through the import path
// next to a plain COPY of the same file, then every dashboard figure from the roll-ups next to a plain
// GROUP BY on the raw call table, in one run on a throw-away PostgreSQL. Figures go to
// docs/performance.md ("Call records"). --incremental: a month but its last day loaded, then that
// day imported, rated and rolled up on its own (bench/cdr/incremental.ts; --without-full leaves out the
// month's full re-rating and rebuild beside it, the long part at 10M). --freshness: 100 API posts,
// then how long until the dashboards count them (bench/cdr/freshness.ts).
import { startBenchDatabase } from "./context";
import { benchDashboards, dashboardTable } from "./dashboards";
import { benchFreshness, freshnessTable } from "./freshness";
import { benchIncremental, incrementalTable } from "./incremental";
import { benchIngest, ingestTable } from "./ingest";

const flag = process.argv.indexOf("--calls");
const calls = flag >= 0 ? Number(process.argv[flag + 1]) : 1_000_000;
if (!Number.isInteger(calls) || calls < 1) {
  console.error(
    "Usage: npm run bench:cdr [-- --calls N] [--ingest-only | --incremental [--without-full] | --freshness]",
  );
  process.exit(2);
}

// --ingest-only: the import figures alone, for a quick measurement of a change to the import.
const ingestOnly = process.argv.includes("--ingest-only");

const ctx = await startBenchDatabase();
try {
  if (process.argv.includes("--incremental"))
    console.log(
      incrementalTable(await benchIncremental(ctx, { calls, withFull: !process.argv.includes("--without-full") })),
    );
  else if (process.argv.includes("--freshness")) console.log(freshnessTable(await benchFreshness(ctx, { calls })));
  else {
    console.log(ingestTable(await benchIngest(ctx, { calls })));
    if (!ingestOnly) console.log(dashboardTable(await benchDashboards(ctx)));
  }
} finally {
  await ctx.stop();
}
