import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

/**
 * A test database that the process-wide clients (`db()`, `cdrPool()`) point at, for a route
 * handler's test: set before they are first imported, closed after the file. Such a file runs
 * isolated (vitest.config.ts ISOLATED), or another file's clients would reach this database.
 */
export async function processTestDatabase() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const { cdrPool } = await import("@/lib/cdr/import/pool");
  const { db } = await import("@/lib/db/client");
  afterAll(async () => {
    await cdrPool().end();
    await db().$disconnect();
  });
  return database;
}
