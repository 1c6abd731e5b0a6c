// Invoice PDF time and memory (npm run bench:invoice-pdf). Issue 33's target: the PDF of a partner
// with 10,000 lines (1,000 PBXs × 10 lines) under 2 s, with flat memory: the same invoice at a tenth
// of the lines must peak at about the same memory above the process's baseline. Each case renders
// to a file through the streaming variant, as the download route does, after one warm-up render (the
// fonts are read and the code compiled once per process, whatever the size).
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { invoicePdfStream } from "@/lib/billing/documents/invoice-pdf";
import { invoiceLines } from "@/lib/billing/documents/invoice-source";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { makeTenant } from "@/lib/testing/fixtures";

const LINES_PER_PBX = 10;
const TARGET_MS = 2_000;
const LINE_SHAPES = [
  [
    "ACTIVATION",
    "CLASSOUND activation: flat fee to the PBX's expiry",
    "1",
    "715.20000",
    "715.20",
    "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 212/212 days = 715.20 EUR",
  ],
  ["NUMBER_ORDER", "Setup, 2 numbers DE", "2", "5.00000", "10.00", "2 numbers × 5.00 EUR setup = 10.00 EUR"],
  [
    "NUMBER_ORDER",
    "Monthly fee to the PBX's expiry, 2 numbers DE",
    "2",
    "1.50000",
    "21.60",
    "2 numbers × 1.50 EUR × 12 months × 219/365 days = 21.60 EUR",
  ],
  [
    "USAGE_CALLS_AREA",
    "Calls to Area 1 beyond the 3,000 included minutes per user",
    "121.017",
    "0.01200",
    "1.45",
    "2 calls, 7,261 billed seconds at 0.01200 EUR/min, per second, each call rounded to 0.00001: 1.45220 EUR → 1.45 EUR",
  ],
  [
    "USAGE_CALLS_AREA",
    "Calls to Area 2",
    "52.5",
    "0.04000",
    "2.10",
    "31 calls, 3,150 billed seconds at 0.04000 EUR/min, per second, each call rounded to 0.00001: 2.10000 EUR → 2.10 EUR",
  ],
  [
    "USAGE_CALLS_AREA",
    "Calls to Area 4",
    "2.65",
    "0.30000",
    "0.80",
    "3 calls, 159 billed seconds at 0.30000 EUR/min, per second, each call rounded to 0.00001: 0.79500 EUR → 0.80 EUR",
  ],
  [
    "USAGE_CALLS_AREA",
    "Calls to Area 6",
    "10.2",
    "1.20000",
    "12.24",
    "4 calls, 612 billed seconds at 1.20000 EUR/min, per second, each call rounded to 0.00001: 12.24000 EUR → 12.24 EUR",
  ],
  [
    "USAGE_FREEPHONE",
    "FreePhone calls from fixed callers to DE numbers",
    "0.75",
    "0.02000",
    "0.02",
    "1 call, 45 billed seconds at 0.02000 EUR/min, per second, each call rounded to 0.00001: 0.01500 EUR → 0.02 EUR",
  ],
  [
    "USAGE_FREEPHONE",
    "FreePhone calls from mobile callers to DE numbers",
    "1.5",
    "0.04000",
    "0.06",
    "1 call, 90 billed seconds at 0.04000 EUR/min, per second, each call rounded to 0.00001: 0.06000 EUR → 0.06 EUR",
  ],
  [
    "USAGE_SMS",
    "SMS beyond the 200 included per user",
    "3",
    "0.01200",
    "0.04",
    "3 SMS × 0.01200 EUR = 0.03600 EUR → 0.04 EUR",
  ],
] as const;

/** A DRAFT of `pbxCount` PBXs × 10 lines, written straight into the tables (the run is bench:invoice-run's). */
async function makeDraft(db: Db, pbxCount: number, month: number) {
  const tenant = await makeTenant(db);
  await db.pbx.createMany({
    data: Array.from({ length: pbxCount }, (_, i) => ({
      serial: `BENCH-${month}-${i}`,
      name: `PBX ${String(i + 1).padStart(4, "0")} · Branch office`,
      customerId: tenant.customer.id,
      licensePlan: "YEARLY" as const,
      termStart: new Date("2026-05-01T00:00:00Z"),
      termExpiry: new Date("2027-05-01T00:00:00Z"),
      softwareVersion: "6.01.20240310.2",
    })),
  });
  const pbxs = await db.pbx.findMany({
    where: { customerId: tenant.customer.id, serial: { startsWith: "BENCH-" } },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  const lines = pbxs.flatMap((pbx, p) =>
    LINE_SHAPES.map(([kind, description, quantity, unitPrice, amount, formula], k) => ({
      kind,
      pbxId: pbx.id,
      description,
      quantity,
      unitPrice,
      amount,
      formula,
      sortOrder: p * LINES_PER_PBX + k,
    })),
  );
  const net = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0) / 100;
  const invoice = await db.invoice.create({
    data: {
      partnerId: tenant.partner.id,
      periodStart: new Date(Date.UTC(2026, month - 1, 1)),
      periodEnd: new Date(Date.UTC(2026, month, 1)),
      currency: "EUR",
      net: net.toFixed(2),
      vatRate: "19",
      vatAmount: (net * 0.19).toFixed(2),
      vatNote: "VAT 19 % (Germany)",
      total: (net * 1.19).toFixed(2),
      billedTo: {
        name: tenant.partner.name,
        countryCode: "DE",
        countryName: "Germany",
        vatNumber: null,
        billingEmail: "billing@example.test",
      },
    },
  });
  // Chunked: 8 columns a row and PostgreSQL's 65,535 bind parameters a statement.
  for (let i = 0; i < lines.length; i += 2_000)
    await db.invoiceLine.createMany({ data: lines.slice(i, i + 2_000).map((l) => ({ ...l, invoiceId: invoice.id })) });
  return invoice.id;
}

/** Renders to a file, sampling memory every 10 ms: time, size, pages and the peaks above the start. */
async function render(db: Db, invoiceId: string, file: string) {
  global.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
  }, 10);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await pipeline(await invoicePdfStream(db, invoiceId), createWriteStream(file));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    kib: Math.round((await stat(file)).size / 1024),
    rssGrowthMb: mb(peak.rss - before.rss),
    heapGrowthMb: mb(peak.heap - before.heapUsed),
    baselineRssMb: mb(before.rss),
  };
}

const scratch = await mkdtemp(path.join(os.tmpdir(), "classound-bench-invoice-pdf-"));
const server = await startEmbeddedPostgres(path.join(scratch, "pg"), { disposable: true });
try {
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  const db = createPrismaClient(url, 4);
  const cases = [
    { label: "warm-up (100 PBXs)", pbxs: 100 },
    { label: "1,000 lines (100 PBXs)", pbxs: 100 },
    { label: "10,000 lines (1,000 PBXs)", pbxs: 1_000 },
  ];
  const ids = [];
  for (const [i, c] of cases.entries()) ids.push(await makeDraft(db, c.pbxs, i + 1));
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} cores; gc exposed: ${Boolean(global.gc)}`,
  );
  console.log("| invoice | time | CPU | size | peak RSS growth | peak heap growth | RSS before |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  const results = [];
  for (const [i, c] of cases.entries()) {
    const r = await render(db, ids[i]!, path.join(scratch, `invoice-${i}.pdf`));
    results.push(r);
    console.log(
      `| ${c.label} | ${r.ms} ms | ${r.cpuMs} ms | ${r.kib} KiB | ${r.rssGrowthMb} MiB | ${r.heapGrowthMb} MiB | ${r.baselineRssMb} MiB |`,
    );
  }
  const big = results.at(-1)!;
  // The share of the time that is the database's: the layout reads every line twice.
  const readStart = performance.now();
  let count = 0;
  for await (const line of invoiceLines(db, ids.at(-1)!)) count += line.amount ? 1 : 0;
  console.log(
    `\nReading the ${count.toLocaleString("en")} lines once: ${Math.round(performance.now() - readStart)} ms.`,
  );
  console.log(`10,000 lines in ${big.ms} ms (target < ${TARGET_MS} ms: ${big.ms < TARGET_MS ? "met" : "NOT met"}).`);
  await db.$disconnect();
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
