import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";

/**
 * The migrations before the one named `suffix` and the rest from it on, in the order the engine
 * applies them: a migration test writes rows the old way between the two.
 */
export async function migrationsAround(suffix: string): Promise<{ before: string[]; fromIt: string[] }> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const index = names.findIndex((n) => n.endsWith(`_${suffix}`));
  if (index < 0) throw new Error(`No migration named *_${suffix}`);
  return { before: names.slice(0, index), fromIt: names.slice(index) };
}

/** Runs migrations' SQL as they are, in order, on one connection. */
export async function runMigrationSql(client: pg.Client, names: string[]) {
  for (const name of names)
    await client.query(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}
