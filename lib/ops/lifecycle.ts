// The process's way down, shared by scripts/server.ts and the Next.js bundle (two module instances,
// one globalThis): the server marks the shutdown, /api/ready reads it; the app's process-wide pools
// register how they close, the server closes them last.
import { log as defaultLog, type Logger } from "@/lib/log/logger";

const KEY = Symbol.for("classound.lifecycle");

interface Lifecycle {
  shuttingDownSince?: Date;
  closers: Map<string, () => Promise<unknown>>;
}

const holder = globalThis as unknown as { [KEY]?: Lifecycle };
const lifecycle = (): Lifecycle => (holder[KEY] ??= { closers: new Map() });

export function markShuttingDown(now = new Date()) {
  lifecycle().shuttingDownSince ??= now;
}

/** Since when this process has been shutting down (it then answers not ready), or undefined. */
export function shuttingDownSince(): Date | undefined {
  return lifecycle().shuttingDownSince;
}

/** Registers how a process-wide resource (a pool) closes at shutdown; the same name replaces. */
export function closeAtShutdown(name: string, close: () => Promise<unknown>) {
  lifecycle().closers.set(name, close);
}

/** Closes every registered resource at once; one failing does not keep the others open, and is logged. */
export async function closeProcessPools(log: Logger = defaultLog): Promise<void> {
  const closers = [...lifecycle().closers];
  lifecycle().closers.clear();
  const results = await Promise.allSettled(closers.map(([, close]) => close()));
  results.forEach((result, index) => {
    if (result.status === "rejected")
      log.error("not closed at shutdown", { name: closers[index][0], error: result.reason });
  });
}
