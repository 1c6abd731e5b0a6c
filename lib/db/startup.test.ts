import { readdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { countUnreferencedStoredFiles } from "@/lib/testing/stored-files";
import { createEmptyDatabase } from "@/lib/testing/test-database";
import { outputMatching, startTsChild } from "@/lib/testing/ts-child";
import { createPrismaClient } from "./client";
import { migrationNames } from "./migration-status";
import { DEMO_REQUESTS } from "./seed/demo-files";
import { REQUIRED_DOCUMENT_FORMS } from "./seed/documents";

const PREPARE = fileURLToPath(new URL("../../scripts/db-prepare.ts", import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("two instances started at once on an empty database", () => {
  const dataDir = mkdtemp(path.join(os.tmpdir(), "classound-startup-"));
  afterAll(async () => rm(await dataDir, { recursive: true, force: true }));

  it("end with one set of migrations, one seed and one copy of each demo file", { timeout: 180_000 }, async () => {
    const url = await createEmptyDatabase();
    const env = { DATABASE_URL: url, CLASSOUND_DATA_DIR: await dataDir, CLASSOUND_DEMO: "true" };
    // The same moment for both: the test holds the start-up lock until both wait on it, then lets go.
    const gate = new pg.Client({ connectionString: url });
    await gate.connect();
    await gate.query("SELECT pg_advisory_lock(hashtext('classound.startup'))");
    const instances = [startTsChild(PREPARE, [], env), startTsChild(PREPARE, [], env)];
    await Promise.all(instances.map((instance) => outputMatching(instance, /waiting for it to finish/)));
    await gate.end();
    const codes = await Promise.all(instances.map((instance) => instance.exited));
    const outputs = instances.map((instance) => instance.output());
    expect(codes, outputs.join("\n---\n")).toEqual([0, 0]);
    const saying = (pattern: RegExp) => outputs.filter((output) => pattern.test(output)).length;
    expect(saying(/Applied \d+ migration/)).toBe(1);
    expect(saying(/Migrations current/)).toBe(1);
    expect(saying(/Seeded demo data/)).toBe(1);
    expect(saying(/Seed skipped/)).toBe(1);
    expect(saying(/Stored \d+ document templates/)).toBe(1);
    expect(saying(/Demo files present/)).toBe(1);

    const prisma = createPrismaClient(url, 2);
    try {
      const migrations = await prisma.$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`;
      expect(migrations.map((row) => row.name)).toEqual(await migrationNames());
      expect(await prisma.partner.count()).toBe(3);
      expect(await prisma.activationRequest.count()).toBe(
        DEMO_REQUESTS.reduce((sum, partner) => sum + partner.outcomes.length, 0),
      );
      const templates = await prisma.requiredDocument.findMany({
        where: { templateFileId: { not: null } },
        select: { templateFileId: true },
      });
      expect(templates).toHaveLength(REQUIRED_DOCUMENT_FORMS.size);
      expect(await countUnreferencedStoredFiles(prisma)).toBe(0);
      const stored = await prisma.storedFile.findMany({ select: { storageKey: true } });
      const onDisk = await filesUnder(path.join(await dataDir, "uploads"));
      expect(onDisk.sort()).toEqual(stored.map((file) => file.storageKey).sort());
      const [drafted] = outputs.flatMap((output) => output.match(/(\d+) invoices of last month drafted/)?.[1] ?? []);
      expect(await prisma.invoice.count()).toBe(Number(drafted));
    } finally {
      await prisma.$disconnect();
    }
  });
});
