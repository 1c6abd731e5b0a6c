import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export const APP_DATABASE = "classound";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** The embedded server's cluster: `<dataDir>/postgres`, or where it was relocated to (lib/db/cluster-location.ts). */
  clusterDir?: string;
  /** Why the cluster is not in `<dataDir>/postgres`, when it is not. */
  relocatedBecause?: string;
}

/** The database the app uses: DATABASE_URL when set, otherwise an embedded server under `dataDir`. */
export async function openAppDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  { relocationRoot }: { relocationRoot?: string } = {},
): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(path.join(dataDir, "postgres"), { relocationRoot });
  try {
    await ensureDatabase(server.connectionString("postgres"), APP_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.connectionString(APP_DATABASE),
    embedded: true,
    stop: server.stop,
    clusterDir: server.clusterDir,
    relocatedBecause: server.relocatedBecause,
  };
}
