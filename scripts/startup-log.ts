import type { Step } from "@/lib/db/startup";

// The start-up's own lines, for the person or platform starting the portal: one per step with its
// time. (The server's lines after them are JSON, one per request: lib/log.)

export const log = (message: string) => console.log(`[classound] ${message}`);

/** Seconds since `from`; by default since the process started (performance's origin), loading included. */
export const seconds = (from = 0) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

/** Runs one start-up step and prints what it did and how long it took. */
export const step: Step = async (run, done) => {
  const startedAt = performance.now();
  const result = await run();
  log(`${done(result)} · ${seconds(startedAt)}`);
  return result;
};

export const waitingForAnotherStart = () =>
  log("Another instance is preparing this database (migrations, seed): waiting for it to finish…");
