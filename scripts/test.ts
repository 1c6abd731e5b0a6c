// `npm test`: the whole suite, with each phase's time printed at the end so a slow phase shows in
// every CI log. The end-to-end server (a fresh `npm start`: initdb, migrations, seed, demo files,
// `next build`) starts first, in the background, and gets ready while the type check, lint and unit
// tests run; the type check and lint, one core each, run side by side. Vitest runs after them: beside
// them it took longer, and its event-loop stall checks failed on the busier machine (decision 0051).
// The server's build skips its own type check: the typecheck phase has just checked a superset of it
// (decision 0035).
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { stopProcessGroup } from "./process-group";
import { waitForHttp } from "./wait-for-http";
import { e2eServerEnv } from "../e2e/server-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = `.data/e2e-${PORT}`;
const SERVER_LOG = `.data/e2e-${PORT}.log`;
const external = Boolean(process.env.E2E_BASE_URL);
const startedAt = performance.now();
const times: [phase: string, seconds: number, ok: boolean][] = [];
const since = (from: number) => (performance.now() - from) / 1000;

/** Runs a command with the terminal as its output; resolves with whether it succeeded. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code === 0));
  });
}

async function phase(name: string, work: () => Promise<boolean>) {
  const from = performance.now();
  const ok = await work();
  times.push([name, since(from), ok]);
  return ok;
}

/** `npm start` on a fresh data directory, as the end-to-end tests need it; its output goes to SERVER_LOG. */
async function startE2eServer() {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(".data", { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  const server = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...e2eServerEnv(PORT, DATA_DIR),
      CLASSOUND_TEST_BUILD: "1",
    },
  });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const from = performance.now();
  const ready = waitForHttp(`http://localhost:${PORT}/sign-in`, () => server.exitCode === null, 250).then((ok) => {
    times.push([`e2e server start (in the background; log: ${SERVER_LOG})`, since(from), ok]);
    return ok;
  });
  return { server, ready };
}

function report() {
  const width = Math.max(...times.map(([name]) => name.length));
  console.log("\nnpm test, time by phase:");
  for (const [name, seconds, ok] of times)
    console.log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s  ${ok ? "ok" : "FAILED"}`);
  console.log(`  ${"total".padEnd(width)}  ${since(startedAt).toFixed(1).padStart(6)} s`);
}

const e2eServer = external ? undefined : await startE2eServer();
process.on(
  "SIGINT",
  () => void (e2eServer ? stopProcessGroup(e2eServer.server) : Promise.resolve()).then(() => process.exit(130)),
);

const [typecheck, lint] = await Promise.all([
  phase("typecheck (beside lint)", () => run("npm", ["run", "--silent", "typecheck"])),
  phase("lint and format check (beside typecheck)", () => run("npm", ["run", "--silent", "lint"])),
]);
let ok = typecheck && lint;
ok = ok && (await phase("unit and integration (Vitest)", () => run("npx", ["vitest", "run"])));
if (ok && e2eServer) {
  ok = await e2eServer.ready;
  if (!ok) console.error(`The end-to-end server did not start: see ${SERVER_LOG}`);
}
ok =
  ok &&
  (await phase("end-to-end (Playwright)", () =>
    run(
      "npx",
      ["playwright", "test"],
      external ? {} : { E2E_BASE_URL: `http://localhost:${PORT}`, E2E_DATA_DIR: DATA_DIR },
    ),
  ));
if (e2eServer) await stopProcessGroup(e2eServer.server);
// A CI log keeps only what was printed: the server's last lines say why it failed to start or answered 500.
if (!ok && e2eServer) {
  const lines = (await readFile(SERVER_LOG, "utf8").catch(() => "")).trimEnd().split("\n");
  console.error(`\nThe end-to-end server's last lines (${SERVER_LOG}):\n${lines.slice(-40).join("\n")}`);
}
report();
process.exit(ok ? 0 : 1);
