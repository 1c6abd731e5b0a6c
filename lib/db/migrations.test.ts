import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createEmptyDatabase, createTestDatabase } from "@/lib/testing/test-database";
import { applyMigrations, pendingSchemaChange } from "./migrations";

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
    const { rows } = await client.query("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    await client.end();
    expect(rows[0].n).toBe(first.length);
  });

  it("give each test file its own migrated database", async () => {
    const { prisma } = await createTestDatabase();
    expect(await prisma.country.count()).toBe(0);
  });
});
