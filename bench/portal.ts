// Starting `npm start` for a bench: on a fresh data directory, on its own port, waiting until the
// sign-in page answers (the first start builds, seeds the demo data and can take minutes).
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";

export interface BenchPortal {
  port: number;
  base: string;
  /** The data directory of the portal the bench started; undefined for a running one (BENCH_BASE_URL). */
  dataDir?: string;
}

/** The portal a bench measures: BENCH_BASE_URL names a running one, else one started on BENCH_PORT. */
export function benchPortal(defaultPort: number, name: string): BenchPortal {
  const port = Number(process.env.BENCH_PORT ?? defaultPort);
  if (process.env.BENCH_BASE_URL) return { port, base: process.env.BENCH_BASE_URL };
  return { port, base: `http://localhost:${port}`, dataDir: `.data/bench-${name}-${port}` };
}

/** Runs `npm start` on a fresh data directory (none for a running portal); `env` is added to the server's. */
export async function startPortal(
  portal: BenchPortal,
  env: Record<string, string> = {},
): Promise<ChildProcess | undefined> {
  if (!portal.dataDir) return undefined;
  await rm(portal.dataDir, { recursive: true, force: true });
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(portal.port),
      CLASSOUND_DATA_DIR: portal.dataDir,
      DATABASE_URL: "",
      NEXTAUTH_URL: portal.base,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let waited = 0; waited < 900_000; waited += 2_000) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ok = await fetch(`${portal.base}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error("npm start did not answer within 15 minutes");
}

/** Stops a portal `startPortal` started (its whole process group: npm, tsx, Next.js and PostgreSQL). */
export function stopPortal(child: ChildProcess | undefined) {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
}
