// The process a crash test kills (lib/testing/kill-point.ts): runs one import against DATABASE_URL,
// through the same library code the app runs, and stops at a kill point when asked:
//   emergency <userId> <file.csv> [<k>]      the emergency CSV import; holds inside the k-th row's
//                                            transaction, after its writes, before its commit
//   cdr-upload <importId> <rows> [<k>]       a stored CDR upload, as the job runs it but in batches
//                                            of <rows> lines; holds inside the batch after k
//                                            committed ones, its rows inserted
import { readFile } from "node:fs/promises";
import pg from "pg";
import { unsafeRunStoredImport } from "@/lib/cdr/import/run-stored-import";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { importLocationsCsv } from "@/lib/emergency/csv";
import { actorOf } from "./fixtures";
import { holdAtKillPoint } from "./kill-point";

const [mode, ...args] = process.argv.slice(2);
const prisma = createPrismaClient(process.env.DATABASE_URL!, 2);

/** The database client whose k-th interactive transaction holds at the kill point before committing. */
function holdingInTransaction(db: Db, k: number): Db {
  let started = 0;
  return new Proxy(db, {
    get: (target, key, receiver) =>
      key === "$transaction"
        ? (work: (tx: unknown) => Promise<unknown>, options?: unknown) =>
            (target.$transaction as (w: typeof work, o?: unknown) => Promise<unknown>)(async (tx) => {
              const n = ++started;
              const result = await work(tx);
              if (n === k) await holdAtKillPoint();
              return result;
            }, options)
        : Reflect.get(target, key, receiver),
  });
}

/** A pool whose connections hold at the kill point at the counters' update of the batch after k commits. */
function holdingInBatch(pool: pg.Pool, k: number): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = ((...callback: unknown[]) => {
    if (callback.length) return (connect as (...a: unknown[]) => unknown)(...callback);
    return connect().then((client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      let commits = 0;
      client.query = ((...queryArgs: unknown[]) => {
        const text = typeof queryArgs[0] === "string" ? queryArgs[0] : "";
        if (text === "COMMIT") commits++;
        if (commits === k && text.startsWith(`UPDATE "CdrImport" SET "rowsRead"`)) return holdAtKillPoint();
        return query(...queryArgs);
      }) as typeof client.query;
      return client;
    });
  }) as typeof pool.connect;
  return pool;
}

try {
  if (mode === "emergency") {
    const [userId, file, k] = args;
    const actor = actorOf(await prisma.user.findUniqueOrThrow({ where: { id: userId } }));
    const db = k ? holdingInTransaction(prisma, Number(k)) : prisma;
    const report = await importLocationsCsv(db, actor, await readFile(file!, "utf8"));
    console.log(JSON.stringify(report));
  } else if (mode === "cdr-upload") {
    const [importId, batchRows, k] = args;
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    try {
      await unsafeRunStoredImport(prisma, k ? holdingInBatch(pool, Number(k)) : pool, importId!, {
        batchRows: Number(batchRows),
      });
    } finally {
      await pool.end();
    }
  } else {
    throw new Error(`Unknown mode ${mode}`);
  }
} finally {
  await prisma.$disconnect();
}
