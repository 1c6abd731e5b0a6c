// `npm run db:prepare`: what `npm start` does to the database before it serves, and nothing else:
// migrations, then the demo data or the reference catalogue, under the start-up lock (decision 0078).
// For a deployment's release step or init container, so each instance can then run the server alone;
// any number may run at once on one database.
import { dataDir, demoDataWanted, readRuntimeEnv } from "@/lib/config/runtime";
import { openAppDatabase } from "@/lib/db/local-database";
import { prepareDatabase } from "@/lib/db/startup";
import { step, waitingForAnotherStart } from "./startup-log";

const env = readRuntimeEnv();
const database = await openAppDatabase(env.DATABASE_URL, dataDir(env));
try {
  await prepareDatabase(database.url, { demo: demoDataWanted(env), step, onWait: waitingForAnotherStart });
} finally {
  await database.stop();
}
