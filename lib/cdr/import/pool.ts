import pg from "pg";
import { readRuntimeEnv } from "@/lib/config/runtime";

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
  }
  return holder.classoundCdrPool;
}
