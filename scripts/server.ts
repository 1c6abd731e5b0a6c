// The HTTP server `npm start` runs: Next.js through its custom-server API, behind the one piece of
// code that sees the TCP peer (lib/ops/portal-server.ts: the peer's address, the request id, one JSON
// log line per request). Requests Next would fail on with a 500 (a path that does not percent-decode,
// an action body it cannot decode) are answered here first (lib/http/malformed-request.ts). SIGTERM
// drains it (decision 0079): no new connection, requests in flight and jobs in hand finish within
// SHUTDOWN_TIMEOUT_SECONDS, then the pools close and the process exits 0. `npm start` runs it compiled
// (decision 0083): in its own process with DATABASE_URL, as the embedded database's supervisor's child
// otherwise; `npm run dev` through tsx.
import next from "next";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { guardMalformedRequest } from "@/lib/http/malformed-request";
import { log } from "@/lib/log/logger";
import { onStopSignal, shutDown } from "@/lib/ops/graceful-shutdown";
import { closeProcessPools, shuttingDownSince } from "@/lib/ops/lifecycle";
import { createPortalServer } from "@/lib/ops/portal-server";
import { summarizeUnknownActionWarnings } from "./unknown-action-log";

const dev = process.argv.includes("--dev");
const env = readRuntimeEnv();

summarizeUnknownActionWarnings();

const app = next({ dev, hostname: "localhost", port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const portal = createPortalServer((req, res) => guardMalformedRequest(req, res, handle), {
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
});
// A signal during the jobs' start (below) must already drain the server, not kill it.
let workers: { stop: (timeoutMs?: number) => Promise<void> } | undefined;
onStopSignal((signal) =>
  shutDown(signal, {
    portal,
    timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    stopBackground: async (timeoutMs) => workers?.stop(timeoutMs),
    closeAfter: async () => {
      await app.close();
      await closeProcessPools();
    },
  }),
);
await new Promise<void>((resolve) => portal.server.listen(env.PORT, resolve));
log.info("listening", { port: env.PORT, pid: process.pid });

// Background jobs run in this process unless a separate `npm run worker` does them. Their modules
// (every job's code) take seconds to load: loaded once the server listens, not before.
if (env.JOBS_IN_PROCESS && env.DATABASE_URL) {
  const { runWorkers } = await import("@/lib/jobs/process");
  workers = await runWorkers(env.DATABASE_URL);
  // A signal while they started found none to stop: they stop now, before the exit cuts them.
  if (shuttingDownSince()) await workers.stop(0);
}
