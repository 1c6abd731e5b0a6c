import { readdir } from "node:fs/promises";
import path from "node:path";

// What the database has applied against what the migrations folder holds, without the schema engine
// (seconds to load) or anything else heavy: `npm start` asks it at every start, /api/ready at every probe.

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/** A row of `_prisma_migrations`, the table `prisma migrate deploy` and our engine both keep. */
export interface AppliedMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export const APPLIED_MIGRATIONS_SQL =
  "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations";

/**
 * Prisma records a migration under its directory's name. Until decision 0078 the portal passed the
 * engine absolute paths, which it recorded as the names: a checkout elsewhere (another machine, a
 * container) then took every migration for new. Renamed to what Prisma writes; idempotent.
 */
export const NAME_MIGRATIONS_AS_PRISMA_DOES_SQL = `UPDATE _prisma_migrations SET migration_name = regexp_replace(migration_name, '^.*/', '') WHERE migration_name LIKE '%/%'`;

/**
 * PostgreSQL's "relation does not exist": a database no migration has touched yet. From pg as is,
 * from Prisma's driver adapter inside its own error (P2010).
 */
export function isMissingTable(error: unknown): boolean {
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return code === "42P01" || meta?.driverAdapterError?.cause?.originalCode === "42P01";
}

/** A migration of the folder: its directory's name and, when read, its SQL's checksum (SHA-256, hex). */
export interface FolderMigration {
  name: string;
  checksum?: string;
}

export interface MigrationStatus {
  /** In the folder, not applied: the database is behind this build. */
  pending: string[];
  /** Started and neither finished nor rolled back: a migration broke half-way. */
  failed: string[];
  /** Applied, not in the folder: a newer build migrated the database (fine for this one, by expand-then-contract). */
  unknown: string[];
  /** Applied with another checksum than the folder's file: edited since. */
  edited: string[];
}

export function migrationStatus(rows: AppliedMigrationRow[], folder: FolderMigration[]): MigrationStatus {
  const applied = new Map(
    rows
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => [row.migration_name, row.checksum]),
  );
  const names = new Set(folder.map((migration) => migration.name));
  return {
    pending: folder.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name),
    failed: rows
      .filter((row) => row.finished_at === null && row.rolled_back_at === null)
      .map((row) => row.migration_name),
    unknown: [...applied.keys()].filter((name) => !names.has(name)),
    edited: folder
      .filter(
        (migration) =>
          migration.checksum !== undefined &&
          applied.has(migration.name) &&
          applied.get(migration.name) !== migration.checksum,
      )
      .map((migration) => migration.name),
  };
}

/** The migrations' directory names in the order they apply. */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
