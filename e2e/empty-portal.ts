import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { launchPortal } from "./portal-instance";
import { createScratchDatabase } from "./scratch-database";

/**
 * A second portal for the specs about a production start (issue 31): the real `npm start` on an
 * empty database of its own, reached by DATABASE_URL as an operator's would be, so it loads the
 * reference catalogue and no demo data. The database is created in the e2e server's PostgreSQL (one
 * cluster, no second initdb) and the server serves the e2e server's build, never rebuilding it under
 * that server (`--no-build`).
 */
export interface EmptyPortal {
  baseURL: string;
  databaseUrl: string;
  /** `npm run admin:create` against this portal's database; resolves with what it printed. */
  createAdmin(email: string, name: string): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startEmptyPortal(clusterUrl: string, port: number): Promise<EmptyPortal> {
  const database = await createScratchDatabase(clusterUrl, "onboarding");
  const dataDir = `.data/e2e-empty-${port}`;
  await rm(dataDir, { recursive: true, force: true });
  const baseURL = `http://localhost:${port}`;
  const env = {
    DATABASE_URL: database.url,
    CLASSOUND_DATA_DIR: dataDir,
    CLASSOUND_DEMO: "",
    NEXTAUTH_URL: baseURL,
    CLASSOUND_TEST_BUILD: "1",
  };
  const server = launchPortal("The empty portal", port, env);
  const stop = async () => {
    await server.stop(STOP_TIMEOUT_MS).catch(() => server.kill());
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  await server.ready(START_TIMEOUT_MS).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    baseURL,
    databaseUrl: database.url,
    createAdmin(email, adminName) {
      const run = spawnSync("npx", ["tsx", "scripts/admin-create.ts", "--email", email, "--name", adminName], {
        env: { ...process.env, PORT: String(port), ...env },
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`admin:create failed:\n${run.stdout}\n${run.stderr}`);
      return run.stdout;
    },
    stop,
  };
}
