// `npm run worker`: the background jobs alone, for deployments that run them apart from the web
// servers (which then start with JOBS_IN_PROCESS=false). Any number may run on one database. SIGTERM
// lets the jobs in hand finish within SHUTDOWN_TIMEOUT_SECONDS and releases the rest (decision 0079).
// Runs compiled, as the server does (scripts/launch.mjs, decision 0083).
import { readRuntimeEnv } from "@/lib/config/runtime";
import { runWorkers } from "@/lib/jobs/process";
import { log } from "@/lib/log/logger";
import { onStopSignal } from "@/lib/ops/graceful-shutdown";
import { closeProcessPools } from "@/lib/ops/lifecycle";

const env = readRuntimeEnv();
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the worker needs the portal's database.");
  process.exit(2);
}
const workers = await runWorkers(env.DATABASE_URL);
log.info("job worker running", { pid: process.pid });
onStopSignal(async (signal) => {
  const timeoutMs = env.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  log.info("shutdown started", { reason: signal, timeoutMs });
  await workers.stop(timeoutMs);
  await closeProcessPools();
  log.info("shutdown complete");
});
