import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import pg from "pg";
import { stopProcessGroup } from "../scripts/process-group";
import { waitForHttp } from "../scripts/wait-for-http";

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

export async function startEmptyPortal(clusterUrl: string, port: number): Promise<EmptyPortal> {
  const name = `onboarding_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(clusterUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const databaseUrl = withDatabase(clusterUrl, name);
  const dataDir = `.data/e2e-empty-${port}`;
  await rm(dataDir, { recursive: true, force: true });
  const baseURL = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    CLASSOUND_DATA_DIR: dataDir,
    CLASSOUND_DEMO: "",
    NEXTAUTH_URL: baseURL,
    CLASSOUND_TEST_BUILD: "1",
  };
  const server = spawn("npx", ["tsx", "scripts/start.ts", "--no-build"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const ready = await waitForHttp(`${baseURL}/sign-in`, () => server.exitCode === null, 250);
  if (!ready) {
    await stopProcessGroup(server);
    throw new Error(`The empty portal did not start:\n${output.slice(-4000)}`);
  }
  return {
    baseURL,
    databaseUrl,
    createAdmin(email, adminName) {
      const run = spawnSync("npx", ["tsx", "scripts/admin-create.ts", "--email", email, "--name", adminName], {
        env,
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`admin:create failed:\n${run.stdout}\n${run.stderr}`);
      return run.stdout;
    },
    async stop() {
      await stopProcessGroup(server);
      const client = new pg.Client({ connectionString: withDatabase(clusterUrl, "postgres") });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
