import { log as defaultLog, type Logger } from "@/lib/log/logger";
import { markShuttingDown } from "./lifecycle";
import type { PortalServer } from "./portal-server";

/** How often connections that finished their last response are closed while draining. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections at once and lets the requests in flight finish, up to `timeoutMs`; then
 * cuts what is left. A connection kept alive after its response would hold the server open for its
 * keep-alive time (65 s), so idle ones are closed as they appear. Answers how many requests were cut.
 */
export async function drainServer({ server, inFlight }: PortalServer, timeoutMs: number): Promise<number> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let cut = 0;
  const deadline = setTimeout(() => {
    cut = inFlight.size;
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  return cut;
}

export interface ShutdownPlan {
  portal: PortalServer;
  /** The whole shutdown's deadline for requests and background work alike. */
  timeoutMs: number;
  /** Work stopped beside the drain, within the same deadline: the job runner. */
  stopBackground?: (timeoutMs: number) => Promise<void>;
  /** Closed once requests and background work are done: the app, the process's pools. */
  closeAfter?: () => Promise<void>;
  log?: Logger;
}

/** The shutdown: not ready from now on, drain and stop the background beside it, then close the rest. */
export async function shutDown(reason: string, plan: ShutdownPlan): Promise<void> {
  const { portal, timeoutMs, log = defaultLog } = plan;
  const startedAt = performance.now();
  markShuttingDown();
  // Started before the line is written: whoever reads "shutdown started" finds the port closed.
  const drained = drainServer(portal, timeoutMs);
  log.info("shutdown started", { reason, inFlight: portal.inFlight.size, timeoutMs });
  const [cut] = await Promise.all([
    drained,
    plan
      .stopBackground?.(timeoutMs)
      .catch((error: unknown) => log.error("background work did not stop cleanly", { error })),
  ]);
  await plan.closeAfter?.().catch((error: unknown) => log.error("closing after the drain failed", { error }));
  log.info("shutdown complete", { durationMs: Math.round(performance.now() - startedAt), cutRequests: cut });
}

/**
 * Runs `shutdown` on SIGTERM (the platform's stop: a deploy, a scale-in, `docker stop`) or SIGINT
 * (Ctrl-C), once however many arrive (`npm start` forwards its own, and a process-group kill reaches
 * both), then exits 0: the stop was asked for and honoured; 1 when the shutdown itself failed.
 */
export function onStopSignal(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  { exit = process.exit, log = defaultLog }: { exit?: (code: number) => void; log?: Logger } = {},
) {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    shutdown(signal).then(
      () => exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { error });
        exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
