import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { MIGRATIONS_DIR, SCHEMA_PATH, openSchemaEngine } from "./schema-engine";

const FILTERS = { externalTables: [], externalEnums: [] };

/** The migrations folder in Prisma's standard layout, as the schema engine wants it. */
export async function readMigrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: path.join(dir, name),
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8") },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies pending migrations exactly as `prisma migrate deploy` would; returns the names applied. */
export async function applyMigrations(connectionString: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(connectionString);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationsList(migrationsDir),
      filters: FILTERS,
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * The SQL that takes a database built by the existing migrations to the current schema.prisma
 * (empty when they agree). The schema engine replays the migrations into a temporary shadow
 * database it creates on the server behind `serverUrl` (whose own database is left untouched).
 */
export async function pendingSchemaChange(
  serverUrl: string,
  { schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR } = {},
): Promise<string> {
  const { engine, close } = await openSchemaEngine(serverUrl, schemaPath);
  try {
    const schemaText = await readFile(schemaPath, "utf8");
    const migrations = await readMigrationsList(migrationsDir);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return (result.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    await close();
  }
}
