// Imports a CSV file of call detail records into the database at DATABASE_URL:
//   npm run cdr:import -- calls.csv [--batch-rows 20000]
// Running it again on a file whose import was interrupted resumes that import after its last
// committed batch (and a repeated call id never makes a second row). Rates the months it touched.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import cliProgress from "cli-progress";
import pg from "pg";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { DEFAULT_BATCH_ROWS, runCallImport } from "@/lib/cdr/import/import-calls";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { rankDays, rankMonths } from "@/lib/cdr/rollups/refresh";
import { requestUsageAlerts, stopJobSender } from "@/lib/jobs/enqueue";
import { createPrismaClient } from "@/lib/db/client";

const args = process.argv.slice(2);
const batchFlag = args.indexOf("--batch-rows");
const batchRows = batchFlag >= 0 ? Number(args[batchFlag + 1]) : DEFAULT_BATCH_ROWS;
const file = args.find((a, i) => !a.startsWith("--") && (batchFlag < 0 || i !== batchFlag + 1));
const url = process.env.DATABASE_URL;
if (!file || !url || !(batchRows > 0)) {
  console.error("Usage: DATABASE_URL=… npm run cdr:import -- <file.csv> [--batch-rows N]");
  process.exit(2);
}

const fileName = path.resolve(file);
const { size } = await stat(fileName);
const prisma = createPrismaClient(url, 2);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const bar = new cliProgress.SingleBar(
  {
    format:
      "{bar} {percentage}% | {read} read, {stored} stored, {duplicate} duplicate, {refused} refused | {rate} rows/s",
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
try {
  const unfinished = await prisma.cdrImport.findFirst({
    where: { source: "COMMAND", fileName, status: { in: ["QUEUED", "RUNNING", "FAILED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, committedLine: true },
  });
  const importId = unfinished?.id ?? (await createImportRow(prisma, { source: "COMMAND", fileName })).id;
  if (unfinished) console.log(`Resuming import ${importId} after line ${unfinished.committedLine}.`);
  else console.log(`Import ${importId}`);

  let bytes = 0;
  // Counting in a transform, not a "data" listener, which would let bytes flow away before the import pipes them.
  const input = createReadStream(fileName).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const started = performance.now();
  bar.start(size, 0, { read: 0, stored: 0, duplicate: 0, refused: 0, rate: 0 });
  const outcome = await runCallImport(pool, importId, input, {
    batchRows,
    onProgress: (c) =>
      bar.update(bytes, {
        read: c.rowsRead,
        stored: c.rowsStored,
        duplicate: c.rowsDuplicate,
        refused: c.rowsRefused,
        rate: Math.round(c.rowsRead / ((performance.now() - started) / 1000)),
      }),
  }).catch(async (error: unknown) => {
    await prisma.cdrImport.update({ where: { id: importId }, data: { status: "FAILED", error: String(error) } });
    throw error;
  });
  bar.update(size);
  bar.stop();
  console.log(
    `Read ${outcome.rowsRead} rows: ${outcome.rowsStored} stored, ${outcome.rowsDuplicate} duplicate, ${outcome.rowsRefused} refused.`,
  );
  if (Object.keys(outcome.report).length) console.table(outcome.report);
  const rated = await rateArrivals(prisma, outcome.months, undefined, new Date());
  console.log(`Rated ${rated.calls} calls in ${outcome.months.map((m) => m.slice(0, 7)).join(", ") || "no month"}.`);
  for (const days of rated.days) await rankDays(prisma, days);
  await rankMonths(prisma, rated.months);
  await requestUsageAlerts(outcome.months);
} finally {
  bar.stop();
  await stopJobSender();
  await pool.end();
  await prisma.$disconnect();
}
