// `npm start`: one command from a fresh clone to a running portal. Starts the embedded PostgreSQL
// (unless DATABASE_URL is set), applies migrations, seeds an empty database, builds when the
// sources changed since the last build, then serves Next.js through scripts/server.ts (which gives the
// app the client's real address).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDatabase } from "@/lib/db/seed";
import { seedDemoFiles } from "@/lib/db/seed/demo-files";
import { isBuildCurrent, markBuilt, sourceHash } from "./build-state";

const startedAt = Date.now();
const isDev = process.argv.includes("--dev");
const env = readRuntimeEnv();
const dir = dataDir(env);
const log = (message: string) => console.log(`[classound] ${message}`);
const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

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

const database = await openAppDatabase(env.DATABASE_URL, dir);
await mkdir(dir, { recursive: true }).then(() => writeFile(databaseUrlFile(dir), database.url, { mode: 0o600 }));
log(database.embedded ? `Embedded PostgreSQL started (${path.relative(process.cwd(), dir)}/postgres)` : "Using DATABASE_URL");

let server: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const applied = await applyMigrations(database.url);
  if (applied.length) log(`Applied ${applied.length} migration(s)`);

  const prisma = createPrismaClient(database.url, 2);
  const seeded = await seedDatabase(prisma);
  if (seeded.insertedRows > 0) log(`Seeded demo data (${seeded.insertedRows} rows)`);
  const demoFiles = await seedDemoFiles(prisma);
  await prisma.$disconnect();
  if (demoFiles.templates + demoFiles.activationRequests + demoFiles.complianceDocuments > 0) {
    log(`Stored ${demoFiles.templates} document templates, ${demoFiles.activationRequests} demo activation requests and ${demoFiles.complianceDocuments} compliance documents`);
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

  if (!isDev) {
    const hash = await sourceHash();
    if (!(await isBuildCurrent(hash))) {
      log("Building the app (first start or sources changed)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
      if (build.status !== 0) throw new Error("next build failed");
      await markBuilt(hash);
    }
  }

  server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), ...(isDev ? ["--dev"] : [])], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...childEnv, PORT: String(env.PORT), NODE_ENV: isDev ? "development" : "production" },
  });
  server.on("exit", (code) => void shutdown(code ?? 0));

  await waitForServer(`http://localhost:${env.PORT}/sign-in`);
  log(`Portal ready on http://localhost:${env.PORT} after ${seconds()}`);
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD})`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.description}`);
  console.log("\nPress Ctrl-C to stop.\n");
} catch (error) {
  console.error(error);
  await shutdown(1);
}

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (stopping) return;
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer on ${url}`);
}
