// `npm start`'s preparation, in a process of its own that exits when it is done (scripts/start.ts
// runs it): the database under the start-up lock (migrations, then the demo data or the reference
// catalogue: decision 0078), and the Next build when the sources changed. The migrations' schema
// engine, the seed and the build check load here, so the process that then serves never holds them
// (decision 0083). Reads DATABASE_URL and CLASSOUND_DEMO as start.ts decided them; tells start.ts
// through the IPC channel what to print once the portal is ready (the demo logins, or how to create
// the first admin).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { prepareDatabase } from "@/lib/db/startup";
import { checkBuild, markBuilt } from "./build-state";
import { log, step, waitingForAnotherStart } from "./startup-log";

export interface Prepared {
  /** Printed under "Portal ready". */
  notice: string;
}

const env = readRuntimeEnv();
const demo = env.CLASSOUND_DEMO === "true";
const build = !process.argv.includes("--dev") && !process.argv.includes("--no-build");

// The build check only reads files: it runs while the database is prepared.
const buildCheck = build ? checkBuild() : undefined;
buildCheck?.catch(() => {});

const state = await prepareDatabase(env.DATABASE_URL!, { demo, step, onWait: waitingForAnotherStart });

if (buildCheck) {
  await step(
    async () => {
      const check = await buildCheck;
      if (check.current) return check;
      log("Building the app (first start or sources changed)…");
      const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
      const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
      if (built.status !== 0) throw new Error("next build failed");
      await markBuilt(check);
      return check;
    },
    (check) =>
      check.current
        ? `Build current (checked by file ${check.checkedBy === "stat" ? "sizes and times" : "contents"})`
        : "Built the app",
  );
}

async function notice(): Promise<string> {
  if (demo) {
    const { DEMO_LOGINS, DEMO_PASSWORD } = await import("@/lib/db/seed/tenants");
    return [
      `\nDemo logins (password for all: ${DEMO_PASSWORD})`,
      ...DEMO_LOGINS.map((login) => `  ${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.description}`),
      "  Admins also give a two-factor code: `npm run demo:totp` prints the current one.",
    ].join("\n");
  }
  if (state.hasAnyAdmin) return "";
  return '\nNo admin yet. Create the first one (it prints a one-time link to set its password):\n  npm run admin:create -- --email you@example.com --name "Your Name"';
}

const prepared: Prepared = { notice: await notice() };
process.send?.(prepared);
process.disconnect?.();
