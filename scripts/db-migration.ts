// Writes the next migration from the change to prisma/schema.prisma:
//   npm run db:migration -- <name>
// The SQL comes from replaying the existing migrations into a throw-away embedded PostgreSQL and
// diffing it against the schema, which is what `prisma migrate dev --create-only` does.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { pendingSchemaChange } from "@/lib/db/migrations";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and underscores)");
  process.exit(2);
}

const scratchDir = await mkdtemp(path.join(os.tmpdir(), "classound-migration-"));
const server = await startEmbeddedPostgres(path.join(scratchDir, "pg"), { disposable: true });
try {
  await ensureDatabase(server.connectionString("postgres"), "shadow");
  const sql = await pendingSchemaChange(server.connectionString("shadow"));
  if (!sql) {
    console.log("schema.prisma and the migrations agree: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql + "\n");
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server.stop();
  await rm(scratchDir, { recursive: true, force: true });
}
