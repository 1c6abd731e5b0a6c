import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import {
  APPLIED_MIGRATIONS_SQL,
  MIGRATIONS_DIR,
  NAME_MIGRATIONS_AS_PRISMA_DOES_SQL,
  isMissingTable,
  migrationNames,
  migrationStatus,
  type AppliedMigrationRow,
  type FolderMigration,
} from "./migration-status";
import { SCHEMA_PATH, openSchemaEngine } from "./schema-engine";

const FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The migrations folder in Prisma's standard layout, as the schema engine wants it and as Prisma's
 * CLI builds it: each migration named by its directory (the engine records that name), the lock file
 * by its name (decision 0078).
 */
export async function readMigrationsList(dir = MIGRATIONS_DIR) {
  const migrationDirectories = await Promise.all(
    (await migrationNames(dir)).map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: await readFile(path.join(dir, "migration_lock.toml"), "utf8") },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

type MigrationsList = Awaited<ReturnType<typeof readMigrationsList>>;

const folderOf = (list: MigrationsList): FolderMigration[] =>
  list.migrationDirectories.map((migration) => ({
    name: migration.path,
    checksum: createHash("sha256").update(migration.migrationFile.content.value).digest("hex"),
  }));

/**
 * Whether the schema engine would apply nothing: every migration in the folder is recorded in
 * `_prisma_migrations` as finished (not rolled back) with the checksum the engine computes, no
 * migration has failed, and none is recorded that the folder lacks. Read with pg in a few
 * milliseconds; instantiating the WebAssembly engine takes seconds. Anything else, including no
 * `_prisma_migrations` table yet, is "not current" and left to the engine.
 */
async function migrationsCurrentOn(client: pg.Client, list: MigrationsList): Promise<boolean> {
  try {
    const { rows } = await client.query<AppliedMigrationRow>(APPLIED_MIGRATIONS_SQL);
    return Object.values(migrationStatus(rows, folderOf(list))).every((names) => names.length === 0);
  } catch (error) {
    if (isMissingTable(error)) return false;
    throw error;
  }
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function migrationsCurrent(connectionString: string, list: MigrationsList): Promise<boolean> {
  return withClient(connectionString, (client) => migrationsCurrentOn(client, list));
}

/** Applies pending migrations exactly as `prisma migrate deploy` would; returns the names applied. */
export async function applyMigrations(connectionString: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const current = await withClient(connectionString, async (client) => {
    await client.query(NAME_MIGRATIONS_AS_PRISMA_DOES_SQL).catch((error: unknown) => {
      if (!isMissingTable(error)) throw error;
    });
    return migrationsCurrentOn(client, migrationsList);
  });
  if (current) return [];
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
