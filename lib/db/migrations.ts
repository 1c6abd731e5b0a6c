import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
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

type MigrationsList = Awaited<ReturnType<typeof readMigrationsList>>;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Whether the schema engine would apply nothing: every migration in the folder is recorded in
 * `_prisma_migrations` as finished (not rolled back) under the name the engine gives it (the
 * directory's path as passed) and with the checksum it computes (SHA-256 of migration.sql, hex),
 * no migration has failed, and none is recorded that the folder lacks. Read with pg in a few
 * milliseconds; instantiating the WebAssembly engine takes seconds. Anything else, including no
 * `_prisma_migrations` table yet, is "not current" and left to the engine.
 */
export async function migrationsCurrent(connectionString: string, list: MigrationsList): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<AppliedRow>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return false;
    const applied = new Map(
      rows
        .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
        .map((row) => [row.migration_name, row.checksum]),
    );
    const folder = new Set(list.migrationDirectories.map((migration) => migration.path));
    if ([...applied.keys()].some((name) => !folder.has(name))) return false;
    return list.migrationDirectories.every(
      (migration) =>
        applied.get(migration.path) ===
        createHash("sha256").update(migration.migrationFile.content.value).digest("hex"),
    );
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return false; // no _prisma_migrations: a new database
    throw error;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations exactly as `prisma migrate deploy` would; returns the names applied. */
export async function applyMigrations(connectionString: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationsList(migrationsDir);
  if (await migrationsCurrent(connectionString, migrationsList)) return [];
  const { engine, close } = await openSchemaEngine(connectionString);
  try {
    const result = await engine.applyMigrations({ migrationsList, filters: FILTERS });
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
