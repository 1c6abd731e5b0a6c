import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export const APP_DATABASE = "classound";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** The database the app uses: DATABASE_URL when set, otherwise an embedded server under `dataDir`. */
export async function openAppDatabase(databaseUrl: string | undefined, dataDir: string): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(path.join(dataDir, "postgres"));
  await ensureDatabase(server.connectionString("postgres"), APP_DATABASE);
  return { url: server.connectionString(APP_DATABASE), embedded: true, stop: server.stop };
}
