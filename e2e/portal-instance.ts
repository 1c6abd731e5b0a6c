import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { groupAlive } from "../scripts/process-group";

// One more portal instance beside the e2e server, for the specs that start portals of their own:
// what `npm start -- --no-build` runs, so it serves the build that is there (NEXT_DIST_DIR, as the e2e
// server does) and never rebuilds under its neighbours. The start script is run by a shell, not by
// npm: npm exits at once on SIGTERM, and the instance's own exit code is what a stop is judged by.
// The script `exec`s its command, so the shell gives its process to it and a signal reaches it.

/** package.json's start script with `--no-build`; it must `exec`, or its shell would swallow a SIGTERM. */
function startCommand() {
  const script: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.start;
  if (!script.startsWith("exec ")) throw new Error(`package.json's start script must exec its command: "${script}"`);
  return `${script} --no-build`;
}

export interface PortalInstance {
  name: string;
  url: string;
  pid: number;
  /** What it printed so far (start-up steps, then the server's JSON log lines). */
  output(): string;
  /** Resolves once GET /api/ready answers 200; fails with the reason and the output's tail otherwise. */
  ready(timeoutMs: number): Promise<void>;
  /** SIGTERM, as a platform stops it; answers its exit code once it and every process it started are gone. */
  stop(timeoutMs: number): Promise<number | null>;
  /** SIGKILL to whatever is left of it: the cleanup after a failure. */
  kill(): void;
}

/** A port nothing listens on at this moment. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const OUTPUT_KEPT = 2_000_000;
const POLL_MS = 200;
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** Starts an instance on `port` with `env` over the test's own environment (undefined removes a variable). */
export function launchPortal(name: string, port: number, env: Record<string, string | undefined>): PortalInstance {
  // The PATH npm gives a script: the packages' commands (tsx) first.
  const bin = path.resolve("node_modules", ".bin");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PORT: String(port) };
  for (const [key, value] of Object.entries(env))
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  // Its own process group: the start-up script and the server it spawns are stopped (or killed) together.
  const child = spawn("/bin/sh", ["-c", startCommand()], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv,
  });
  const pid = child.pid!;
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  // A test worker that dies takes its instances with it.
  const killOnExit = () => kill();
  process.once("exit", killOnExit);
  function kill() {
    if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  }
  const tail = () => output.split("\n").slice(-40).join("\n");
  const url = `http://localhost:${port}`;

  return {
    name,
    url,
    pid,
    output: () => output,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last = "no answer yet";
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail()}`);
        try {
          const answer = await fetch(`${url}/api/ready`);
          if (answer.status === 200) return;
          last = `${answer.status} ${await answer.text()}`;
        } catch (error) {
          last = (error as Error).message;
        }
        await pause();
      }
      throw new Error(`${name} was not ready within ${timeoutMs} ms (last: ${last}):\n${tail()}`);
    },
    async stop(timeoutMs) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const deadline = Date.now() + timeoutMs;
      const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
      const result = await Promise.race([exited, timedOut]);
      if (result === "timeout") throw new Error(`${name} did not exit within ${timeoutMs} ms of SIGTERM:\n${tail()}`);
      // The server it started must be gone with it, not left holding the port.
      while (groupAlive(pid) && Date.now() < deadline) await pause();
      if (groupAlive(pid)) throw new Error(`${name} exited but left processes behind (group ${pid})`);
      process.off("exit", killOnExit);
      return result[0];
    },
    kill,
  };
}
