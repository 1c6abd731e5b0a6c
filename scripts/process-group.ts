import type { ChildProcess } from "node:child_process";

/** Whether any process of the group `pgid` is still alive. */
export function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a detached `npm start` and everything it started (PostgreSQL, the Next server). npm (or npx)
 * exits at once on SIGTERM, so the whole process group is watched, and killed if it is not gone in
 * 15 s: a server left behind would hold the port for the next run.
 */
export async function stopProcessGroup(server: ChildProcess) {
  const pgid = server.pid!;
  if (!groupAlive(pgid)) return;
  process.kill(-pgid, "SIGTERM");
  for (let waited = 0; groupAlive(pgid) && waited < 15_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
}
