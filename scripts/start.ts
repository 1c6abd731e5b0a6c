// `npm start`: one command from a fresh clone to a running portal. Starts the embedded PostgreSQL
// (unless DATABASE_URL is set), prepares the database under the start-up lock (migrations, then the
// demo data, or with DATABASE_URL or CLASSOUND_DEMO=false only the reference catalogue: lib/db/startup.ts)
// and builds when the sources changed since the last build, both in a process of its own that exits
// (scripts/start-prepare.ts), then serves Next.js through scripts/server.ts (which gives the app the
// client's real address). Each step prints its time. `npm start` runs this compiled (scripts/launch.mjs,
// decision 0083): with DATABASE_URL this process then becomes the server itself, nothing waits beside
// it; with the embedded PostgreSQL it stays as the small supervisor that owns the database, the server
// a child. SIGTERM or Ctrl-C: the server drains first (decision 0079), then PostgreSQL stops.
// `npm run dev` runs it through tsx, the server always a child.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, demoDataWanted, readRuntimeEnv } from "@/lib/config/runtime";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { PostgresStartError } from "@/lib/db/embedded-postgres-errors";
import { openAppDatabase, type DatabaseHandle } from "@/lib/db/local-database";
import type { Prepared } from "./start-prepare";
import { log, seconds, step } from "./startup-log";
import { waitForHttp } from "./wait-for-http";

const isDev = process.argv.includes("--dev");
// Serve the build as it is, never rebuild: for instances started beside one that serves the same
// build directory (a rebuild would swap its files under it), and for deployments built once.
const noBuild = process.argv.includes("--no-build");
const env = readRuntimeEnv();
const dir = dataDir(env);
/** A secret kept under the data directory, so sessions survive restarts without any setup. */
async function authSecret(): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function describeDatabase(database: DatabaseHandle): string {
  if (!database.embedded) return "Using DATABASE_URL";
  const where = database.relocatedBecause
    ? database.clusterDir!
    : path.relative(process.cwd(), database.clusterDir!) || database.clusterDir!;
  return `Embedded PostgreSQL started (${where}${database.relocatedBecause ? `; ${database.relocatedBecause}` : ""})`;
}

/** PostgreSQL could not start: one line with the cause and the fix, no stack trace. */
function failStart(error: unknown): never {
  if (!(error instanceof PostgresStartError)) throw error;
  console.error(`[classound] ${error.message}`);
  process.exit(1);
}

/** Whether something already listens on the portal's port (the server would otherwise die on it after every other step). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
}

if (await portInUse(env.PORT)) {
  console.error(
    `[classound] Port ${env.PORT} is already in use (another \`npm start\`, or another program): stop it, or set PORT to a free port.`,
  );
  process.exit(1);
}

const database = await step(() => openAppDatabase(env.DATABASE_URL, dir), describeDatabase).catch(failStart);
await mkdir(dir, { recursive: true }).then(() => writeFile(databaseUrlFile(dir), database.url, { mode: 0o600 }));

// Compiled (scripts/launch.mjs), the other entries are beside this file; through tsx, their sources.
const compiled = import.meta.url.endsWith(".mjs");
const entryArgs = (name: string) =>
  compiled
    ? [fileURLToPath(new URL(`./${name}.mjs`, import.meta.url))]
    : ["--import", "tsx", path.join("scripts", `${name}.ts`)];
const flags = [...(isDev ? ["--dev"] : []), ...(noBuild ? ["--no-build"] : [])];

let child: ChildProcess | undefined;
let stopping = false;
/**
 * Stops the child (the preparation, or the server) first and PostgreSQL after it: the server drains
 * its requests and jobs on SIGTERM (decision 0079) and needs the database until it exits. Ends with
 * the child's exit code when it had one of its own, `code` otherwise.
 */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  let childCode: number | null = child?.exitCode ?? null;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (exitCode) => resolve(exitCode)));
    child.kill("SIGTERM");
    childCode = await exited;
  }
  await database.stop();
  process.exit(childCode ?? code);
}
const onSignal = () => void shutdown(0);
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

/** Runs scripts/start-prepare.ts to its end; what it says to print once the portal is ready. */
function prepare(childEnv: NodeJS.ProcessEnv): Promise<Prepared> {
  return new Promise((resolve, reject) => {
    let prepared: Prepared | undefined;
    child = spawn(process.execPath, [...entryArgs("start-prepare"), ...flags], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...childEnv, CLASSOUND_DEMO: String(demoDataWanted(env)) },
    });
    child.on("message", (message) => (prepared = message as Prepared));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      if (code === 0 && prepared) resolve(prepared);
      else reject(new Error(`The start-up's preparation failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

try {
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const { notice } = await prepare(childEnv);
  const serverEnv: NodeJS.ProcessEnv = {
    ...childEnv,
    PORT: String(env.PORT),
    NODE_ENV: isDev ? "development" : "production",
  };

  const serverStartedAt = performance.now();
  if (compiled && !database.embedded) {
    // Nothing left to supervise: this process becomes the server, whose own handlers (drain, then
    // exit) take over the signals. One arriving in between ends the process, before it listens.
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    Object.assign(process.env, serverEnv);
    import(new URL("./server.mjs", import.meta.url).href).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    const server = spawn(process.execPath, [...entryArgs("server"), ...(isDev ? ["--dev"] : [])], {
      stdio: ["ignore", "inherit", "inherit"],
      env: serverEnv,
    });
    child = server;
    // Killed by a signal other than a stop (the OOM killer's SIGKILL) is a failure, not a clean exit.
    server.on("exit", (code, signal) => void shutdown(code ?? (signal === "SIGTERM" || signal === "SIGINT" ? 0 : 1)));
  }

  await waitForServer(`http://localhost:${env.PORT}/sign-in`);
  // Unless the server exited meanwhile (shutdown() then ends this process with its exit code).
  if (!stopping) {
    log(`Server ready · ${seconds(serverStartedAt)}`);
    log(`Portal ready on http://localhost:${env.PORT} after ${seconds()}`);
    if (notice) console.log(notice);
    console.log("\nPress Ctrl-C to stop.\n");
  }
} catch (error) {
  console.error(
    error instanceof Error && error.message.startsWith("The start-up's") ? `[classound] ${error.message}` : error,
  );
  await shutdown(1);
}

async function waitForServer(url: string) {
  let attempts = 0;
  const answered = await waitForHttp(url, () => !stopping && attempts++ < 1200, 100);
  if (!answered && !stopping) throw new Error(`The server did not answer on ${url}`);
}
