// Diagnosis of the top-number rankings' refresh cost (docs/performance.md "Dashboards"):
// npx tsx bench/cdr/ranking-probe.ts [rows] [work_mem…]. Fills the daily number roll-up with a
// month of synthetic rows (a row per call, as real traffic nearly gives) and times each period's
// ranking of the whole month under each work_mem.
import { startBenchDatabase } from "@/bench/cdr/context";
import { numberTopStatements, rankingPlan, refreshNumberTop, TOP_PERIODS } from "@/lib/cdr/rollups/number-top";

const rows = Number(process.argv[2] ?? 1_000_000);
const workMems = process.argv.slice(3).length ? process.argv.slice(3) : ["4MB"];
const ctx = await startBenchDatabase();
try {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  // Seen from the month's last hour, as bench:cdr sees it: the seven days ranked are its last seven.
  const planOf = (period: (typeof TOP_PERIODS)[number]) =>
    rankingPlan(period, month, next, new Date(next.getTime() - 3_600_000));
  await ctx.pool.query(
    `INSERT INTO "CallNumberDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "number", "calls", "seconds")
     SELECT $1::date + (random() * ($2::date - $1::date - 1))::int, c."partnerId", p."customerId", p.id,
            CASE WHEN random() < 0.6 THEN 'OUTBOUND' ELSE 'INBOUND' END::"CallDirection",
            CASE WHEN random() < 0.1 THEN NULL ELSE 1 + (random() * 5)::int END,
            '+' || (10 + (random() * 30)::int) || '30' || lpad((random() * 9999)::int::text, 4, '0'), 1, (random() * 600)::int
     FROM generate_series(1, $3) i
     CROSS JOIN LATERAL (SELECT id, "customerId" FROM "Pbx" ORDER BY id OFFSET (i % 10) LIMIT 1) p
     JOIN "Customer" c ON c.id = p."customerId"`,
    [month, next, rows],
  );
  await ctx.pool.query(`ANALYZE "CallNumberDailyRollup"`);
  process.stdout.write(
    `${rows} daily number rows over ${month.toISOString().slice(0, 7)}\n| work_mem | period | seconds |\n|---|---|---:|\n`,
  );
  for (const workMem of workMems) {
    for (const period of TOP_PERIODS) {
      const started = performance.now();
      await ctx.prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL work_mem = '${workMem.replace(/[^0-9A-Za-z]/g, "")}'`);
          await refreshNumberTop(tx, planOf(period));
        },
        { timeout: 60 * 60_000 },
      );
      process.stdout.write(`| ${workMem} | ${period} | ${((performance.now() - started) / 1000).toFixed(1)} |\n`);
    }
  }
  if (process.env.EXPLAIN) {
    const insert = numberTopStatements(planOf(process.env.EXPLAIN as (typeof TOP_PERIODS)[number])).insert!;
    const plan = await ctx.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${insert.text}`, insert.values);
    process.stdout.write(plan.rows.map((r) => r["QUERY PLAN"]).join("\n") + "\n");
  }
} finally {
  await ctx.stop();
}
