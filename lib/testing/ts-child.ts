import { spawn } from "node:child_process";

/**
 * A TypeScript file run in a child process: node itself, with tsx loaded in-process, so a signal sent
 * to the child reaches the code under test, not a wrapper. Its stdout and stderr are kept together.
 */
export function startTsChild(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Resolves once the child's output matches `pattern`; rejects when it exits first. */
export function outputMatching(started: ReturnType<typeof startTsChild>, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => pattern.test(started.output()) && resolve();
    started.child.stdout.on("data", check);
    started.child.stderr.on("data", check);
    check();
    void started.exited.then(() => reject(new Error(`The child exited before ${pattern}:\n${started.output()}`)));
  });
}
