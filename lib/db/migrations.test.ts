import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createEmptyDatabase, createTestDatabase } from "@/lib/testing/test-database";
import { migrationNames } from "./migration-status";
import { applyMigrations, migrationsCurrent, pendingSchemaChange, readMigrationsList } from "./migrations";

describe("migrations", () => {
  it("agree with schema.prisma (drift check)", async () => {
    const sql = await pendingSchemaChange(await createEmptyDatabase());
    expect(sql, `schema.prisma has changes no migration covers; run npm run db:migration -- <name>:\n${sql}`).toBe("");
  });

  it("detect a model added to schema.prisma without a migration", async () => {
    const original = await readFile("prisma/schema.prisma", "utf8");
    const dir = await mkdtemp(path.join(os.tmpdir(), "classound-drift-"));
    const schemaPath = path.join(dir, "schema.prisma");
    await writeFile(schemaPath, original + "\nmodel DriftProbe {\n  id Int @id\n}\n");
    try {
      const sql = await pendingSchemaChange(await createEmptyDatabase(), { schemaPath });
      expect(sql).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("apply once and record themselves like prisma migrate deploy", async () => {
    const url = await createEmptyDatabase();
    const first = await applyMigrations(url);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const names = async () =>
        (
          await client.query<{ name: string }>("SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1")
        ).rows.map((row) => row.name);
      // Under their directories' names, as Prisma's CLI records them (decision 0078).
      expect(await names()).toEqual(await migrationNames());
      // Recorded under absolute paths by the portal before 0078: renamed, and nothing applied again.
      await client.query(
        "UPDATE _prisma_migrations SET migration_name = '/old/checkout/prisma/migrations/' || migration_name",
      );
      expect(await applyMigrations(url)).toEqual([]);
      expect(await names()).toEqual(await migrationNames());
    } finally {
      await client.end();
    }
    expect((await migrationNames()).length).toBe(first.length);
  });

  it("are found current without the schema engine only when it would apply nothing", async () => {
    const url = await createEmptyDatabase();
    const list = await readMigrationsList();
    expect(await migrationsCurrent(url, list), "no _prisma_migrations yet").toBe(false);
    await applyMigrations(url);
    expect(await migrationsCurrent(url, list)).toBe(true);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const [last] = list.migrationDirectories.slice(-1);
      // A migration added to the folder since.
      expect(
        await migrationsCurrent(url, {
          ...list,
          migrationDirectories: [...list.migrationDirectories, { ...last, path: `${last.path}_more` }],
        }),
      ).toBe(false);
      // A migration edited since it was applied: the engine decides what that means.
      expect(
        await migrationsCurrent(url, {
          ...list,
          migrationDirectories: [
            ...list.migrationDirectories.slice(0, -1),
            {
              ...last,
              migrationFile: {
                ...last.migrationFile,
                content: { tag: "ok" as const, value: `${last.migrationFile.content.value}\n-- edited` },
              },
            },
          ],
        }),
      ).toBe(false);
      // A failed migration (started, neither finished nor rolled back).
      await client.query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('failed', 'x', $1, now(), 0)",
        [`${last.path}_failed`],
      );
      expect(await migrationsCurrent(url, list)).toBe(false);
      // Marked rolled back (`prisma migrate resolve --rolled-back`): ignored, as the engine ignores it.
      await client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = 'failed'");
      expect(await migrationsCurrent(url, list)).toBe(true);
      // Applied, but not in this folder (another branch's): left to the engine.
      await client.query(
        "UPDATE _prisma_migrations SET rolled_back_at = NULL, finished_at = now() WHERE id = 'failed'",
      );
      expect(await migrationsCurrent(url, list)).toBe(false);
    } finally {
      await client.end();
    }
  });

  it("give each test file its own migrated database", async () => {
    const { prisma } = await createTestDatabase();
    expect(await prisma.country.count()).toBe(0);
  });
});
