import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/embedded-postgres";

import { TEMPLATE_DATABASE } from "./template";

/**
 * A fresh, migrated database for the calling test file, dropped after its tests. Call at module
 * level or in beforeAll: `const { prisma, url } = await createTestDatabase();`
 */
export async function createTestDatabase(): Promise<{ prisma: Db; url: string }> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, TEMPLATE_DATABASE);
  const url = inject("postgresBaseUrl") + name;
  const prisma = createPrismaClient(url, 5);
  afterAll(async () => {
    await prisma.$disconnect();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
  return { prisma, url };
}

/** An empty database (no migrations), for tests of the migration tooling itself. */
export async function createEmptyDatabase(): Promise<string> {
  const name = `empty_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(inject("postgresAdminUrl"), name);
  return inject("postgresBaseUrl") + name;
}
