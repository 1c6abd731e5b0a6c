// The monthly invoice run at scale (npm run bench:invoice-run [-- --partners N --pbxs N --calls N]
// [--without-per-partner]): 1,000 partners × 10 PBXs × 10 calls a PBX a day over a 30-day month, the
// issue's 3M rated calls (its "100 calls a PBX a day" would make 30M: --calls 100), 300,000 SMS and 2
// charges a partner, seeded set-based (bench/invoice-run-seed.ts) on a throw-away embedded
// PostgreSQL that commits durably (decision 0029's sizing). Then:
//   (a) the floor: ONE SQL aggregate computing every partner's invoice net (each line's costs summed
//       and rounded to cents, as the run's lines are, then added per partner);
//   (b) the run as production runs it: the hourly fan-out enqueued on a job runner of the invoice
//       jobs (one worker a queue, as `npm start` runs them), timed until the queue is empty;
//   (b') the month again, every draft rebuilt, by the batches' function itself;
//   (c) the month again as one `invoice-run` job a partner, the granularity before decision 0064.
// Every draft's net must equal the floor's figure for its partner (exit 1 otherwise). Target
// (issue 33): (b) within 3x of (a). Figures in docs/decisions/0064-invoice-run-in-batches.md.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { QUEUE_SCHEMA } from "@/lib/jobs/boss";
import type { JobDefinition } from "@/lib/jobs/definition";
import * as invoiceJobs from "@/lib/jobs/invoice-jobs";
import { startJobRunner } from "@/lib/jobs/runner";
import { enqueueFromApp, shareJobSender } from "@/lib/jobs/enqueue";
import { runInvoiceBatch } from "@/lib/billing/run-invoice-batch";
import { BENCH_MONTH, seedInvoiceMonth } from "./invoice-run-seed";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error("Usage: npm run bench:invoice-run [-- --partners N --pbxs N --calls N] [--without-per-partner]");
    process.exit(2);
  }
  return value;
};
const SIZE = {
  partners: option("partners", 1000),
  pbxsPerPartner: option("pbxs", 10),
  callsPerPbxDay: option("calls", 10),
};
const TARGET_RATIO = 3;
/** After the bench's November has ended in Berlin: the fan-out finds every partner due. */
const NOW = new Date("2026-12-01T06:00:00Z");
const seconds = (from: number) => (performance.now() - from) / 1000;

/** The partner's local month (docs/decisions/0041) over a UTC range widened by 14 hours (the partitions prune on it). */
const inLocalMonth = (at: string) =>
  `${at} >= '2026-10-31 10:00' AND ${at} < '2026-12-01 14:00'
   AND (${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone" >= '2026-11-01'
   AND (${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone" < '2026-12-01'`;

/**
 * The floor: every partner's net in one statement, as the invoices carry it: usage per PBX and area
 * (outbound) or FreePhone country and source (inbound) and price version, SMS per PBX and price,
 * each rounded half-up to cents, plus each charge of the month, all in the partner's local month.
 */
const FLOOR_SQL = `
WITH usage AS (
  SELECT r."partnerId", round(sum(r.cost), 2) AS amount
  FROM "CallRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE ${inLocalMonth('r."startedAt"')} AND r."ratedAt" IS NOT NULL AND r."unratedReason" IS NULL AND r.cost > 0
  GROUP BY r."partnerId", r."pbxId", CASE WHEN r.direction = 'OUTBOUND' THEN r.area END,
    CASE WHEN r.direction = 'INBOUND' THEN r."countryCode" END, CASE WHEN r.direction = 'INBOUND' THEN r."freephoneSource" END,
    r."priceListId", r.currency
  UNION ALL
  SELECT r."partnerId", round(sum(r.cost), 2)
  FROM "SmsRecord" r JOIN "Partner" p ON p.id = r."partnerId"
  WHERE ${inLocalMonth('r."sentAt"')} AND r."ratedAt" IS NOT NULL AND r."unratedReason" IS NULL AND r.cost > 0
  GROUP BY r."partnerId", r."pbxId", r.currency, r.cost
  UNION ALL
  SELECT c."partnerId", c.amount FROM "ServiceCharge" c JOIN "Partner" p ON p.id = c."partnerId"
  WHERE ${inLocalMonth('c."createdAt"')}
)
SELECT "partnerId", sum(amount)::text AS net FROM usage GROUP BY 1`;

const scratch = await mkdtemp(path.join(os.tmpdir(), "classound-bench-invoice-run-"));
const server = await startEmbeddedPostgres(path.join(scratch, "pg"));
try {
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  const db = createPrismaClient(url, 6);
  const settings = await db.$queryRaw<{ name: string; setting: string }[]>`
    SELECT name, setting FROM pg_settings
    WHERE name IN ('shared_buffers', 'max_locks_per_transaction', 'max_connections', 'work_mem', 'fsync') ORDER BY name`;
  console.log(`cluster: ${settings.map((s) => `${s.name}=${s.setting}`).join(", ")}, ${os.cpus().length} cores`);

  let from = performance.now();
  const seeded = await seedInvoiceMonth(db, SIZE);
  console.log(
    `seed: ${seeded.partners} partners, ${seeded.pbxs} PBXs, ${seeded.calls.toLocaleString("en")} calls, ` +
      `${seeded.sms.toLocaleString("en")} SMS in ${seconds(from).toFixed(1)} s`,
  );

  // The floor three times, the fastest kept (the first also warms the buffers the run then finds warm).
  let floor: { partnerId: string; net: string }[] = [];
  let floorSeconds = Infinity;
  for (let i = 0; i < 3; i++) {
    from = performance.now();
    floor = await db.$queryRawUnsafe<{ partnerId: string; net: string }[]>(FLOOR_SQL);
    floorSeconds = Math.min(floorSeconds, seconds(from));
  }
  console.log(
    `(a) one SQL aggregate, every partner's net (fastest of 3): ${floorSeconds.toFixed(2)} s (${floor.length} partners)`,
  );

  const partnerIds = floor.map((f) => f.partnerId).sort();
  const runs: { label: string; seconds: number }[] = [];
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    runs.push({ label, seconds: seconds(started) });
    console.log(`${label}: ${runs.at(-1)!.seconds.toFixed(2)} s`);
  };
  await withRunner(url, db, () =>
    timed("(b) the month through the queue (fan-out, batch jobs)", async () => {
      await enqueueFromApp(invoiceJobs.INVOICE_RUN_DUE, {});
      await waitForQueue(db);
    }),
  );
  await checkNets(db, floor);
  await timed("(b') again, every draft rebuilt (the batches' function, one worker)", () => rerun(db, partnerIds));
  // The granularity before decision 0064, for comparison: one `invoice-run` job a partner.
  if (!process.argv.includes("--without-per-partner"))
    await withRunner(url, db, () =>
      timed("(c) again, one invoice-run job a partner through the queue", async () => {
        for (const partnerId of partnerIds)
          // A key each, as the fan-out keyed them: the queue's "short" policy keeps one unkeyed job waiting.
          await enqueueFromApp(
            invoiceJobs.INVOICE_RUN,
            { partnerId, month: BENCH_MONTH },
            `${partnerId}:${BENCH_MONTH}`,
          );
        await waitForQueue(db);
      }),
    );
  await checkNets(db, floor);
  console.log(`lines: ${(await db.invoiceLine.count()).toLocaleString("en")}`);
  for (const run of runs)
    console.log(
      `${run.label.slice(0, 4)} / (a): ${(run.seconds / floorSeconds).toFixed(2)}x (target ${TARGET_RATIO}x)`,
    );
  await db.$disconnect();
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}

/** A job runner of the invoice jobs for `work`, as `npm start` runs it (one worker a queue). */
async function withRunner(url: string, db: Db, work: () => Promise<void>) {
  const jobs = Object.values(invoiceJobs).filter(
    (value): value is JobDefinition<object> =>
      typeof value === "object" && value !== null && "run" in value && value.name.startsWith("invoice-run"),
  );
  const runner = await startJobRunner({ connectionString: url, db, sendMail: null, jobs, now: () => NOW });
  // Enqueued as the app enqueues (the admin's button): the idle worker is woken, not left to its next poll.
  shareJobSender(runner.boss);
  try {
    await work();
  } finally {
    await runner.stop();
  }
}

/** Every partner has a draft whose net is the floor's figure, to the cent; exits 1 otherwise. */
async function checkNets(db: Db, floor: { partnerId: string; net: string }[]) {
  const drafts = await db.invoice.findMany({ where: { status: "DRAFT" }, select: { partnerId: true, net: true } });
  const nets = new Map(drafts.map((d) => [d.partnerId, d.net.toFixed(2)]));
  const wrong = floor.filter((f) => nets.get(f.partnerId) !== new Prisma.Decimal(f.net).toFixed(2));
  console.log(`drafts: ${drafts.length}; nets differing from the floor's: ${wrong.length}`);
  if (wrong.length || drafts.length !== floor.length) {
    console.log(
      "first differences:",
      wrong.slice(0, 5).map((w) => ({ ...w, draft: nets.get(w.partnerId) })),
    );
    process.exitCode = 1;
  }
}

/** The month again as the fan-out's batches would run it, one after the other (one worker). */
async function rerun(db: Db, partnerIds: string[]) {
  const batches = invoiceJobs.invoiceBatches(partnerIds.map((partnerId) => ({ partnerId, month: BENCH_MONTH })));
  for (const batch of batches) {
    const { results } = await runInvoiceBatch(db, batch, NOW);
    if (results.some((r) => r.outcome !== "DRAFTED")) throw new Error("A partner of the bench was not drafted.");
  }
}

/** Waits until the fan-out has run and no invoice job waits or runs; fails on a failed job. Answers the drafts. */
async function waitForQueue(db: Db) {
  for (;;) {
    const [{ pending, failed, fannedOut }] = await db.$queryRawUnsafe<
      { pending: number; failed: number; fannedOut: number }[]
    >(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'active'))::int AS pending,
              count(*) FILTER (WHERE state IN ('failed', 'retry'))::int AS failed,
              count(*) FILTER (WHERE name = $1 AND state = 'completed')::int AS "fannedOut"
       FROM "${QUEUE_SCHEMA}".job WHERE name LIKE 'invoice-run%'`,
      invoiceJobs.INVOICE_RUN_DUE,
    );
    if (failed) {
      const [job] = await db.$queryRawUnsafe<{ output: unknown }[]>(
        `SELECT output FROM "${QUEUE_SCHEMA}".job WHERE name LIKE 'invoice-run%' AND state IN ('failed', 'retry') LIMIT 1`,
      );
      throw new Error(`${failed} invoice jobs failed: ${JSON.stringify(job?.output)}`);
    }
    if (fannedOut && !pending) return db.invoice.count({ where: { status: "DRAFT" } });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
