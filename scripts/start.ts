// `npm start`: one command from a fresh clone to a running portal. Starts the embedded PostgreSQL
// (unless DATABASE_URL is set), prepares the database under the start-up lock (migrations, then the
// demo data, or with DATABASE_URL or CLASSOUND_DEMO=false only the reference catalogue: lib/db/startup.ts),
// builds when the sources changed since the last build, then serves Next.js through scripts/server.ts
// (which gives the app the client's real address). Each step prints its time; the seed, the demo files
// and the schema engine are loaded only when there is something for them to do, so a warm restart
// stays short. SIGTERM or Ctrl-C: the server drains first (decision 0079), then PostgreSQL stops.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { dataDir, demoDataWanted, readRuntimeEnv } from "@/lib/config/runtime";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { PostgresStartError } from "@/lib/db/embedded-postgres-errors";
import { openAppDatabase, type DatabaseHandle } from "@/lib/db/local-database";
import { prepareDatabase } from "@/lib/db/startup";
import { checkBuild, markBuilt } from "./build-state";
import { log, seconds, step, waitingForAnotherStart } from "./startup-log";
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

// The build check only reads files: it runs while PostgreSQL starts.
const buildCheck = isDev || noBuild ? undefined : checkBuild();
buildCheck?.catch(() => {});

const database = await step(() => openAppDatabase(env.DATABASE_URL, dir), describeDatabase).catch(failStart);
await mkdir(dir, { recursive: true }).then(() => writeFile(databaseUrlFile(dir), database.url, { mode: 0o600 }));

let server: ChildProcess | undefined;
let stopping = false;
/**
 * Stops the server first and PostgreSQL after it: the server drains its requests and jobs on SIGTERM
 * (decision 0079) and needs the database until it exits. Ends with the server's exit code when it
 * had one of its own, `code` otherwise.
 */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  let serverCode: number | null = server?.exitCode ?? null;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<number | null>((resolve) => server!.once("exit", (exitCode) => resolve(exitCode)));
    server.kill("SIGTERM");
    serverCode = await exited;
  }
  await database.stop();
  process.exit(serverCode ?? code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const demo = demoDataWanted(env);
  const state = await prepareDatabase(database.url, { demo, step, onWait: waitingForAnotherStart });

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

  if (buildCheck) {
    await step(
      async () => {
        const check = await buildCheck;
        if (check.current) return check;
        log("Building the app (first start or sources changed)…");
        const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
        if (build.status !== 0) throw new Error("next build failed");
        await markBuilt(check);
        return check;
      },
      (check) =>
        check.current
          ? `Build current (checked by file ${check.checkedBy === "stat" ? "sizes and times" : "contents"})`
          : "Built the app",
    );
  }

  const serverStartedAt = performance.now();
  server = spawn(
    process.execPath,
    ["--import", "tsx", path.join("scripts", "server.ts"), ...(isDev ? ["--dev"] : [])],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...childEnv, PORT: String(env.PORT), NODE_ENV: isDev ? "development" : "production" },
    },
  );
  // Killed by a signal other than a stop (the OOM killer's SIGKILL) is a failure, not a clean exit.
  server.on("exit", (code, signal) => void shutdown(code ?? (signal === "SIGTERM" || signal === "SIGINT" ? 0 : 1)));
  // Loaded while the server starts: the seed's tenants module is not small.
  const tenants = demo ? import("@/lib/db/seed/tenants") : undefined;

  await waitForServer(`http://localhost:${env.PORT}/sign-in`);
  // Unless the server exited meanwhile (shutdown() then ends this process with its exit code).
  if (!stopping) {
    log(`Server ready · ${seconds(serverStartedAt)}`);
    log(`Portal ready on http://localhost:${env.PORT} after ${seconds()}`);
    if (demo) {
      const { DEMO_LOGINS, DEMO_PASSWORD } = await tenants!;
      console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD})`);
      for (const login of DEMO_LOGINS)
        console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.description}`);
      console.log("  Admins also give a two-factor code: `npm run demo:totp` prints the current one.");
    } else if (!state.hasAnyAdmin) {
      console.log(
        '\nNo admin yet. Create the first one (it prints a one-time link to set its password):\n  npm run admin:create -- --email you@example.com --name "Your Name"',
      );
    }
    console.log("\nPress Ctrl-C to stop.\n");
  }
} catch (error) {
  console.error(error);
  await shutdown(1);
}

async function waitForServer(url: string) {
  let attempts = 0;
  const answered = await waitForHttp(url, () => !stopping && attempts++ < 1200, 100);
  if (!answered && !stopping) throw new Error(`The server did not answer on ${url}`);
}
