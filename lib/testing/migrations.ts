import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { MIGRATIONS_DIR, migrationNames } from "@/lib/db/migration-status";
import { createEmptyDatabase } from "./test-database";

/** The rows an old-schema fixture hangs from: country DE, tier t1 and partner p1 (columns every migration has had). */
export const OLD_PARTNER_SQL = `
  INSERT INTO "Country" (code, name, "dialCode", "callTerminationArea", "updatedAt") VALUES ('DE', 'Germany', '49', 1, now());
  INSERT INTO "PriceListTier" (id, code, name) VALUES ('t1', 'GOLD', 'Gold');
  INSERT INTO "Partner" (id, name, "tierId", "countryCode", "billingEmail", "updatedAt") VALUES ('p1', 'P', 't1', 'DE', 'b@example.test', now());`;

/**
 * The migrations before the one named `suffix` and the rest from it on, in the order the engine
 * applies them: a migration test writes rows the old way between the two.
 */
export async function migrationsAround(suffix: string): Promise<{ before: string[]; fromIt: string[] }> {
  const names = await migrationNames();
  const index = names.findIndex((n) => n.endsWith(`_${suffix}`));
  if (index < 0) throw new Error(`No migration named *_${suffix}`);
  return { before: names.slice(0, index), fromIt: names.slice(index) };
}

/** Runs migrations' SQL as they are, in order, on one connection. */
export async function runMigrationSql(client: pg.Client, names: string[]) {
  for (const name of names)
    await client.query(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

/**
 * A new database migrated by the engine up to the migration named `suffix`, then given rows the old
 * way by `writeOldRows`, then migrated through the rest by the engine again, from the same folder
 * (the engine records a migration by its path). Answers the database and how many migrations the
 * second run applied out of how many were left.
 */
export async function migrateAcross(suffix: string, writeOldRows: (client: pg.Client) => Promise<unknown>) {
  const { before, fromIt } = await migrationsAround(suffix);
  const dir = await mkdtemp(path.join(os.tmpdir(), "classound-migrations-"));
  const copy = (names: string[]) =>
    Promise.all(names.map((name) => cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true })));
  try {
    await copy(["migration_lock.toml", ...before]);
    const url = await createEmptyDatabase();
    await applyMigrations(url, dir);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await writeOldRows(client);
    } finally {
      await client.end();
    }
    await copy(fromIt);
    return { url, applied: (await applyMigrations(url, dir)).length, left: fromIt.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
