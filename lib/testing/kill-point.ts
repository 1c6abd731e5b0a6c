import { fileURLToPath } from "node:url";
import { startTsChild } from "./ts-child";

// A crash at a chosen point: the child (lib/testing/crash-child.ts) runs an import against the test
// database and, at the point asked for, says so on stdout and waits; the test then kills it with
// SIGKILL, as a power cut or the OOM killer would: no handler runs, no transaction is closed.
const KILL_POINT = "KILL-POINT";
const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

/** Called by the child where it should die: says so, then never returns. */
export function holdAtKillPoint(): Promise<never> {
  process.stdout.write(`${KILL_POINT}\n`);
  return new Promise<never>(() => setInterval(() => {}, 60_000));
}

const startChild = (args: string[], env: Record<string, string>) => startTsChild(CHILD, args, env);

/** Runs the child until it reaches its kill point, then SIGKILLs it. Fails when it ends before. */
export async function runUntilKilled(args: string[], env: Record<string, string>): Promise<void> {
  const { child, exited, output } = startChild(args, env);
  const reached = await new Promise<boolean>((resolve) => {
    child.stdout.on("data", () => output().includes(KILL_POINT) && resolve(true));
    void exited.then(() => resolve(false));
  });
  if (!reached) throw new Error(`The child ended before its kill point:\n${output()}`);
  child.kill("SIGKILL");
  await exited;
}

/** Runs the child to its end (the restarted app's run); its output when it fails. */
export async function runToEnd(args: string[], env: Record<string, string>): Promise<string> {
  const { exited, output } = startChild(args, env);
  const code = await exited;
  if (code !== 0) throw new Error(`The child exited with ${code}:\n${output()}`);
  return output();
}
