import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureDatabase } from "@/lib/db/embedded-postgres";

/**
 * A new, empty database (no migrations, no data) on the PostgreSQL server of `serverUrl` (any
 * database's URL on it: the e2e server's), for a spec that starts portals of its own; `drop` ends
 * whatever is still connected to it and removes it.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
