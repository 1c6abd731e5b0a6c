import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDatabase } from "@/lib/db/seed";

export interface BenchContext {
  url: string;
  prisma: Db;
  pool: pg.Pool;
  /** A scratch directory for generated files, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL with its default durability (fsync on: the figures are what a
 * real server does), migrated and seeded with the demo tenants and price lists.
 */
export async function startBenchDatabase(): Promise<BenchContext> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "classound-bench-cdr-"));
  const server = await startEmbeddedPostgres(path.join(dir, "pg"));
  await ensureDatabase(server.connectionString("postgres"), "bench");
  const url = server.connectionString("bench");
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 4);
  await seedDatabase(prisma);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url,
    prisma,
    pool,
    dir,
    async stop() {
      await pool.end();
      await prisma.$disconnect();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
