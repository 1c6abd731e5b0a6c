// Number allocation under contention (npm run bench:numbers): CLIENTS concurrent clients order blocks
// of 10 from one country's pool of POOL numbers through the project's orderNumbers, with injected
// failures through claimBlocks; then the same orders with one bare SQL statement each (the floor).
// Hard checks: no number allocated twice, nothing left reserved. Targets: within 3x of the floor,
// p95 < 250 ms at 64 clients.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { actorFromUser } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { claimBlocks } from "@/lib/numbers/allocate";
import { orderNumbers } from "@/lib/numbers/order";
import { makeActiveService, makeNumberPriceList, makeTenant, makeUser } from "@/lib/testing/fixtures";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const POOL = Number(process.env.BENCH_POOL ?? 100_000);
const ORDERS_PER_CLIENT = Number(process.env.BENCH_ORDERS ?? 15);
/** Every FAIL_EVERY-th order of a client claims and marks its block, then throws. */
const FAIL_EVERY = 5;
const FIRST = 4930100000000n;

const scratch = await mkdtemp(path.join(os.tmpdir(), "classound-bench-numbers-"));
const server = await startEmbeddedPostgres(path.join(scratch, "pg"), { disposable: true });
try {
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  const db = createPrismaClient(url, CLIENTS + 6);
  const tenant = await makeTenant(db, {
    termStart: new Date(Date.now() - 30 * 86_400_000),
    termExpiry: new Date(Date.now() + 300 * 86_400_000),
  });
  await makeActiveService(db, tenant.pbx);
  await makeNumberPriceList(db, tenant.partner.tierId, [
    { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" },
  ]);
  const actor = actorFromUser(await makeUser(db, "PARTNER", { partnerId: tenant.partner.id }));

  const resetPool = async () => {
    for (const table of [
      "PhoneNumberEvent",
      "PhoneNumber",
      "NumberOrderLine",
      "NumberOrderBlock",
      "NumberOrder",
      "IdempotencyRecord",
    ])
      await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
    await db.$executeRaw`
      INSERT INTO "PhoneNumber" ("id", "e164", "countryCode", "type", "status", "areaName", "createdAt", "updatedAt")
      SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), '+' || (${FIRST.toString()}::numeric + g)::text, 'DE', 'GEOGRAPHIC', 'AVAILABLE', 'Berlin', now(), now()
      FROM generate_series(0, ${POOL - 1}::int) AS g`;
    await db.$executeRawUnsafe(`ANALYZE "PhoneNumber"`);
  };

  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
  async function run(label: string, one: (client: number, i: number) => Promise<"ok" | "failed">) {
    const latencies: number[] = [];
    let failed = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < ORDERS_PER_CLIENT; i++) {
          const t = performance.now();
          if ((await one(client, i)) === "failed") failed++;
          else latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const result = {
      label,
      orders: latencies.length,
      injectedFailures: failed,
      ordersPerSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
    console.log(
      `${label}: ${result.orders} orders in ${seconds.toFixed(1)} s = ${result.ordersPerSecond.toFixed(0)} orders/s, p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, ${failed} injected failures`,
    );
    return result;
  }

  async function hardChecks(label: string, expectedAssigned: number) {
    const [{ reserved, assigned, distinctBlocks, duplicated }] = await db.$queryRaw<
      { reserved: bigint; assigned: bigint; distinctBlocks: bigint; duplicated: bigint }[]
    >`
      SELECT count(*) FILTER (WHERE "status" = 'RESERVED') AS "reserved",
             count(*) FILTER (WHERE "status" = 'ASSIGNED') AS "assigned",
             count(DISTINCT "orderBlockId") AS "distinctBlocks",
             (SELECT count(*) FROM (SELECT "phoneNumberId" FROM "PhoneNumberEvent" WHERE "kind" = 'ORDERED' GROUP BY 1 HAVING count(*) > 1) d) AS "duplicated"
      FROM "PhoneNumber"`;
    const ok = reserved === 0n && duplicated === 0n && Number(assigned) === expectedAssigned;
    console.log(
      `${label} checks: ${assigned} assigned (expected ${expectedAssigned}), ${reserved} reserved, ${duplicated} numbers allocated twice, ${distinctBlocks} blocks -> ${ok ? "PASS" : "FAIL"}`,
    );
    if (!ok) process.exitCode = 1;
  }

  const errors: string[] = [];
  // The project's path: idempotency, quote, claimBlocks, order rows, charge lines, history, audit.
  await resetPool();
  const project = await run("orderNumbers (project)", async (client, i) => {
    if (i % FAIL_EVERY === FAIL_EVERY - 1) {
      await db
        .$transaction(async (tx) => {
          const blocks = await claimBlocks(tx, { countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 1 });
          await tx.phoneNumber.updateMany({
            where: { id: { in: blocks.flatMap((b) => b.ids) } },
            data: { status: "RESERVED" },
          });
          throw new Error("injected failure");
        })
        .catch(() => undefined);
      return "failed";
    }
    try {
      await orderNumbers(db, actor, {
        pbxId: tenant.pbx.id,
        countryCode: "DE",
        type: "GEOGRAPHIC",
        blockSize: 10,
        blockCount: 1,
        idempotencyKey: `bench-${client}-${i}`,
      });
      return "ok";
    } catch (error) {
      // A real failure (a transaction timeout on an overloaded machine): counted, and its rollback checked below.
      errors.push(error instanceof Error ? error.message.split("\n").at(-1)! : String(error));
      return "failed";
    }
  });
  if (errors.length)
    console.log(`${errors.length} orders failed on their own: ${[...new Set(errors)].slice(0, 3).join(" | ")}`);
  await hardChecks("project", project.orders * 10);

  // The floor: one bare statement per order, the same blocks of 10, no bookkeeping.
  await resetPool();
  const floor = await run("bare SQL (floor)", async () => {
    await db.$executeRaw`
      UPDATE "PhoneNumber" SET "status" = 'ASSIGNED', "pbxId" = ${tenant.pbx.id}, "partnerId" = ${tenant.partner.id}, "assignedAt" = now()
      WHERE "id" IN (SELECT "id" FROM "PhoneNumber" WHERE "countryCode" = 'DE' AND "type" = 'GEOGRAPHIC' AND "status" = 'AVAILABLE' ORDER BY "e164" LIMIT 10 FOR UPDATE SKIP LOCKED)`;
    return "ok";
  });
  const [{ assigned }] = await db.$queryRaw<
    { assigned: bigint }[]
  >`SELECT count(*) AS "assigned" FROM "PhoneNumber" WHERE "status" = 'ASSIGNED'`;
  console.log(`floor checks: ${assigned} assigned (expected ${floor.orders * 10})`);

  const ratio = floor.ordersPerSecond / project.ordersPerSecond;
  console.log(`\n| clients | pool | path | orders/s | p50 | p95 |\n|---:|---:|---|---:|---:|---:|`);
  for (const r of [project, floor])
    console.log(
      `| ${CLIENTS} | ${POOL.toLocaleString("en")} | ${r.label} | ${r.ordersPerSecond.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms |`,
    );
  console.log(
    `\nfloor / project throughput: ${ratio.toFixed(2)}x (target <= 3x); project p95 ${project.p95.toFixed(0)} ms (target < 250 ms)`,
  );
  await db.$disconnect();
} finally {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
}
