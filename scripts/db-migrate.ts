// Applies pending migrations to DATABASE_URL (or the embedded database), like `prisma migrate deploy`.
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";

const env = readRuntimeEnv();
const database = await openAppDatabase(env.DATABASE_URL, dataDir(env));
try {
  const applied = await applyMigrations(database.url);
  console.log(
    applied.length ? `Applied: ${applied.map((p) => p.split("/").pop()).join(", ")}` : "No pending migrations.",
  );
} finally {
  await database.stop();
}
