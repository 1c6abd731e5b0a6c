import pg from "pg";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { closeAtShutdown } from "@/lib/ops/lifecycle";

const holder = globalThis as unknown as { classoundCdrPool?: pg.Pool };

/**
 * A small pg pool of its own for imports: COPY needs a raw pg connection, which Prisma's adapter
 * does not lend, and a long import must not hold the app's query connections.
 */
export function cdrPool(): pg.Pool {
  if (!holder.classoundCdrPool) {
    const url = readRuntimeEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    holder.classoundCdrPool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server closes (a restart) must not crash the process: the pool replaces it.
    holder.classoundCdrPool.on("error", (error) => console.error("[cdr] idle database connection lost", error.message));
    const pool = holder.classoundCdrPool;
    closeAtShutdown("import pool", () => pool.end());
  }
  return holder.classoundCdrPool;
}

const ratingHolder = globalThis as unknown as { classoundCdrRatingDb?: Db };

/**
 * A Prisma client of two connections for rating API posts in their own request (decision 0053): at
 * most two ratings run at once per process, one per core here, and a burst of posts waits on these
 * two, never on the app's pool that pages read through.
 */
export function cdrRatingDb(): Db {
  if (!ratingHolder.classoundCdrRatingDb) {
    const url = readRuntimeEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    // A post waits its turn for a rating connection (a burst of posts queues here), up to a minute.
    const client = createPrismaClient(url, 2, { connectionTimeoutMillis: 60_000 });
    ratingHolder.classoundCdrRatingDb = client;
    closeAtShutdown("rating pool", () => client.$disconnect());
  }
  return ratingHolder.classoundCdrRatingDb;
}
