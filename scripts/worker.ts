// `npm run worker`: the background jobs alone, for deployments that run them apart from the web
// servers (which then start with JOBS_IN_PROCESS=false). Any number may run on one database.
import { readRuntimeEnv } from "@/lib/config/runtime";
import { runWorkers } from "@/lib/jobs/process";

const url = readRuntimeEnv().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: the worker needs the portal's database.");
  process.exit(2);
}
const workers = await runWorkers(url);
console.log("[classound] Job worker running. Press Ctrl-C to stop.");
const shutdown = () => void workers.stop().then(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
