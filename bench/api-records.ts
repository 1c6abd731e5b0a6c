// Call records through the partner API (npm run bench:api-records [-- --calls N] [--clients C] [--pages P]
// [--limit L]). Issue 34: 64 concurrent API clients listing call records by cursor over 1M calls of one
// partner; p95 and throughput reported, each page served by an index (EXPLAIN in the output).
//
// On a throw-away PostgreSQL that commits durably (as the app's does: each request writes its key's
// rate window), N calls of one partner over three months (32 PBXs of 8 customers, in the monthly
// partitions) are written by SQL, then C clients, each with its own key, page through them by cursor
// with GET /api/v1/calls: the exported route handler called with real Requests in this process (the
// app's db() pool of DATABASE_POOL_SIZE, 10 by default), as Next calls it. Each client starts on its
// own day and walks P pages of L calls; every fourth also filters by a customer, every eighth by
// direction. Prints p50/p95/p99 per page, pages/s and rows/s, and EXPLAIN (ANALYZE, BUFFERS) of the
// SQL a page runs (lib/api/endpoints/records.ts): a deep page of a month, a customer's page across
// two months, an unrated-only page. Exits 1 if a walk repeats or reorders a call, or a plan reads
// the call table without an index.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { ensureCallRecordPartitions } from "@/lib/cdr/partitions";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { Prisma } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/migrations";
import { newApiKey } from "@/lib/api/key-secret";
import { actorOf, makeCustomer, makePbx, makeTenant, makeUser } from "@/lib/testing/fixtures";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error("Usage: npm run bench:api-records [-- --calls N] [--clients C] [--pages P] [--limit L]");
    process.exit(2);
  }
  return value;
};
const CALLS = option("calls", 1_000_000);
const CLIENTS = option("clients", 64);
const PAGES = option("pages", 25);
const LIMIT = option("limit", 200);
const CUSTOMERS = 8;
const PBXS_PER_CUSTOMER = 4;
// Three whole months of calls: pages of a month read one partition, a range across two months two.
const FIRST = new Date("2026-08-01T00:00:00Z");
const END = new Date("2026-11-01T00:00:00Z");
const DAYS = Math.round((END.getTime() - FIRST.getTime()) / 86_400_000);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const day = (offset: number) => new Date(FIRST.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const scratch = await mkdtemp(path.join(os.tmpdir(), "classound-bench-api-records-"));
// Durable: every request commits its key's rate window, as in production.
const server = await startEmbeddedPostgres(path.join(scratch, "pg"));
let failed = false;
try {
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  // The route handlers reach the app's db(): its URL, and a limit no client of this bench reaches
  // (the limit's bookkeeping, one upsert per request, is still done and measured).
  process.env.DATABASE_URL = url;
  process.env.CLASSOUND_API_RATE_LIMIT_PER_MINUTE = "100000000";
  const prisma = createPrismaClient(url, 4);

  const tenant = await makeTenant(prisma);
  const customers = [
    tenant.customer,
    ...(await Promise.all(Array.from({ length: CUSTOMERS - 1 }, () => makeCustomer(prisma, tenant.partner.id)))),
  ];
  const pbxs: { id: string; customerId: string }[] = [];
  for (const customer of customers)
    for (let i = 0; i < PBXS_PER_CUSTOMER; i++) pbxs.push(await makePbx(prisma, customer.id));
  const creator = await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id });
  const actor = actorOf(creator);

  process.stderr.write(`Writing ${CALLS.toLocaleString("en")} calls of one partner, ${day(0)} to ${day(DAYS - 1)}…\n`);
  const loadStarted = performance.now();
  await ensureCallRecordPartitions((sql) => prisma.$executeRawUnsafe(sql), FIRST, new Date(END.getTime() - 1));
  const pbxIds = pbxs.map((p) => p.id);
  const customerIds = pbxs.map((p) => p.customerId);
  const CHUNK = 100_000;
  for (let start = 0; start < CALLS; start += CHUNK) {
    const end = Math.min(CALLS, start + CHUNK);
    // In time order with an hour of jitter (imports arrive roughly in order), 42 % inbound, about 2 %
    // unrated with a reason and 1 % not rated yet. The LATERAL names g so it runs (and draws) per row.
    await prisma.$executeRaw`
      INSERT INTO "CallRecord" ("partnerId", "customerId", "pbxId", "externalId", "direction", "fromE164", "toE164",
        "extension", "countryCode", "area", "startedAt", "durationSeconds", "billedSeconds", "cost", "endUserCost",
        "currency", "ratedAt", "unratedReason")
      SELECT ${tenant.partner.id}, (${customerIds}::text[])[1 + g % ${pbxIds.length}], (${pbxIds}::text[])[1 + g % ${pbxIds.length}],
        'bench-' || g, CASE WHEN r.dir < 0.42 THEN 'INBOUND' ELSE 'OUTBOUND' END::"CallDirection",
        '+4930' || lpad((g % 9000000)::text, 7, '0'), '+4989' || lpad(((g::bigint * 7919) % 9000000)::text, 7, '0'),
        (100 + g % 40)::text, 'DE', 1,
        ${FIRST}::timestamp + make_interval(secs => floor(g::float8 / ${CALLS} * ${DAYS * 86_400} + r.jitter * 3600)::int % ${DAYS * 86_400}),
        r.duration, r.duration,
        CASE WHEN r.rate < 0.97 THEN round(r.duration * 0.0002, 5) END,
        CASE WHEN r.rate < 0.97 THEN round(r.duration * 0.0003, 5) END,
        'EUR',
        CASE WHEN r.rate < 0.99 THEN ${END}::timestamp END,
        CASE WHEN r.rate >= 0.97 AND r.rate < 0.99 THEN 'NO_RATE'::"UnratedReason" END
      FROM generate_series(${start}::int, ${end - 1}::int) AS g,
        LATERAL (SELECT random() AS dir, random() AS jitter, random() AS rate, (random() * 600)::int AS duration, g AS seed) r`;
    process.stderr.write(`  ${end.toLocaleString("en")}\n`);
  }
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "CallRecord"`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const keys: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const { key, prefix, hash } = newApiKey();
    await prisma.apiKey.create({
      data: {
        kind: "PARTNER",
        partnerId: tenant.partner.id,
        name: `bench ${i}`,
        prefix,
        hash,
        scopes: ["records:read"],
        createdById: creator.id,
      },
    });
    keys.push(key);
  }

  // `server-only` throws outside Next's server bundle (Vitest aliases it to a stub): this process is the
  // server here, so the module is taken as loaded before the route's modules ask for it.
  const require = createRequire(import.meta.url);
  require.cache[require.resolve("server-only")] = { exports: {} } as NodeJS.Module;
  const route = await import("../app/api/v1/calls/route");
  const { listCallsEndpoint } = await import("@/lib/api/endpoints/records");
  const { recordsPageQuery } = await import("@/lib/api/records-page");
  const { db } = await import("@/lib/db/client");
  const get = async (key: string, query: Record<string, string>, status = 200) => {
    const url = new URL("http://portal.bench/api/v1/calls");
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const started = performance.now();
    const response = await route.GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({}),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== status) throw new Error(`${url.search} → ${response.status}: ${text.slice(0, 300)}`);
    return { ms, text };
  };
  /** Every client at once, each making up to PAGES requests; the latency of each and the wall time. */
  async function concurrently(walk: (key: string, client: number, timed: (ms: number) => void) => Promise<void>) {
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(keys.map((key, client) => walk(key, client, (ms) => latencies.push(ms))));
    return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
  }
  const figures = ({ latencies, seconds }: { latencies: number[]; seconds: number }) =>
    `p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms, ` +
    `p99 ${quantile(latencies, 0.99).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms; ` +
    `${(latencies.length / seconds).toFixed(1)} requests/s`;
  // Loads the route's modules and fills the pool before anything is timed.
  await Promise.all(keys.slice(0, 10).map((key) => get(key, { from: day(0), to: day(DAYS - 1), limit: "1" })));

  // What every request costs before the endpoint's own work: authentication, the rate window, the
  // scope and the query's parse (a refused limit is answered 400 right after them).
  const wrapper = await concurrently(async (key, _client, timed) => {
    for (let i = 0; i < PAGES; i++) timed((await get(key, { limit: "0" }, 400)).ms);
  });

  const clientQuery = (client: number): Record<string, string> => ({
    from: day(Math.floor((client * DAYS) / CLIENTS)),
    to: day(DAYS - 1),
    limit: String(LIMIT),
    ...(client % 4 === 3 ? { customerId: customers[client % CUSTOMERS]!.id } : {}),
    ...(client % 8 === 5 ? { direction: "INBOUND" } : {}),
  });
  let rows = 0;
  const problems: string[] = [];
  const loadBefore = os.loadavg()[0]!;
  const walks = await concurrently(async (key, client, timed) => {
    const query = clientQuery(client);
    let cursor: string | null = null;
    let last = "";
    const seen = new Set<string>();
    for (let i = 0; i < PAGES; i++) {
      const { ms, text } = await get(key, cursor ? { ...query, cursor } : query);
      timed(ms);
      const page = JSON.parse(text) as { data: { id: string; startedAt: string }[]; next: string | null };
      rows += page.data.length;
      for (const call of page.data) {
        const sortKey = `${call.startedAt} ${call.id.padStart(20, "0")}`;
        if (seen.has(call.id) || sortKey <= last)
          problems.push(`client ${client}: call ${call.id} repeated or out of order`);
        seen.add(call.id);
        last = sortKey;
      }
      cursor = page.next;
      if (!cursor) break;
    }
  });
  const { latencies, seconds } = walks;

  console.log(`\n## Partner API: call records by cursor`);
  const settings = await prisma.$queryRaw<{ name: string; setting: string }[]>`
    SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers') ORDER BY name`;
  const [{ size }] = await prisma.$queryRaw<{ size: string }[]>`
    SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS size FROM pg_inherits WHERE inhparent = '"CallRecord"'::regclass`;
  console.log(
    `${CALLS.toLocaleString("en")} calls of one partner (${pbxs.length} PBXs, ${CUSTOMERS} customers, ${day(0)} to ${day(DAYS - 1)}, ` +
      `${size} with indexes) written in ${loadSeconds.toFixed(0)} s; cluster ${settings.map((s) => `${s.name}=${s.setting}`).join(", ")}; ` +
      `app pool ${process.env.DATABASE_POOL_SIZE ?? 10}; ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before the run.`,
  );
  console.log(
    `${CLIENTS} clients × up to ${PAGES} pages of ${LIMIT}: ${latencies.length.toLocaleString("en")} pages, ${rows.toLocaleString("en")} calls in ${seconds.toFixed(1)} s`,
  );
  console.log(`per page: ${figures(walks)}`);
  console.log(
    `throughput: ${(latencies.length / seconds).toFixed(1)} pages/s, ${Math.round(rows / seconds).toLocaleString("en")} calls/s`,
  );
  console.log(`the wrapper alone (the same clients, each request refused at its query): ${figures(wrapper)}`);
  if (problems.length) {
    failed = true;
    console.log(`WALKS BROKEN: ${problems.length} problems, first: ${problems.slice(0, 3).join("; ")}`);
  } else console.log("every walk: no call repeated, every call after the one before (time, id)");

  // The SQL of three pages as the endpoint builds it, explained on the loaded table.
  const mid = await prisma.callRecord.findFirstOrThrow({
    where: { startedAt: { gte: new Date("2026-09-15T12:00:00Z") } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { id: true, startedAt: true },
  });
  const { encodeCursor } = await import("@/lib/api/cursor");
  const cursor = encodeCursor([mid.startedAt.toISOString(), mid.id.toString()]);
  const now = new Date("2026-11-15T12:00:00Z");
  const explained: [string, Record<string, string>][] = [
    ["A page in the middle of September (month=2026-09, cursor)", { month: "2026-09", limit: String(LIMIT), cursor }],
    [
      "A customer's page across two months (from 2026-08-20 to 2026-09-30, cursor)",
      { from: "2026-08-20", to: "2026-09-30", customerId: customers[2]!.id, limit: String(LIMIT), cursor },
    ],
    [
      "Unrated calls of October, first page (month=2026-10, rated=false)",
      { month: "2026-10", rated: "false", limit: String(LIMIT) },
    ],
  ];
  for (const [label, raw] of explained) {
    const query = listCallsEndpoint.query!.parse(raw);
    const sql = await recordsPageQuery(db(), actor, "calls", query, now);
    const plan = (await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`))
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    const indexed = /Index (Only )?Scan/.test(plan) && !/Seq Scan on "?CallRecord/.test(plan);
    if (!indexed) failed = true;
    console.log(`\n### ${label}: ${indexed ? "served by index" : "NOT SERVED BY AN INDEX"}\n\n\`\`\`\n${plan}\n\`\`\``);
  }
  await db().$disconnect();
  await prisma.$disconnect();
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
