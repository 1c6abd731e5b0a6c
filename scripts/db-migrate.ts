// Applies pending migrations to DATABASE_URL (or the embedded database), like `prisma migrate deploy`,
// under the start-up lock, so it never runs beside an instance's start-up (decision 0078).
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { withStartupLock } from "@/lib/db/startup";
import { waitingForAnotherStart } from "./startup-log";

const env = readRuntimeEnv();
const database = await openAppDatabase(env.DATABASE_URL, dataDir(env));
try {
  const applied = await withStartupLock(database.url, () => applyMigrations(database.url), waitingForAnotherStart);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} finally {
  await database.stop();
}
