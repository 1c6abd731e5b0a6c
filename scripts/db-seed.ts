// Seeds the demo data into the database at DATABASE_URL (started elsewhere, e.g. by `npm start`).
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDatabase } from "@/lib/db/seed";
import { seedDemoFiles } from "@/lib/db/seed/demo-files";
import { withStartupLock } from "@/lib/db/startup";
import { waitingForAnotherStart } from "./startup-log";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the database to seed.");
  process.exit(1);
}

const prisma = createPrismaClient(url, 2);
// Under the start-up lock (decision 0078): an instance starting meanwhile must not store the demo files too.
try {
  await withStartupLock(url, seed, waitingForAnotherStart);
} finally {
  await prisma.$disconnect();
}

async function seed() {
  const started = performance.now();
  const summary = await seedDatabase(prisma);
  console.log(
    summary.insertedRows === 0
      ? "The demo data was already there: nothing inserted."
      : `Seeded ${summary.insertedRows} rows in ${Math.round(performance.now() - started)} ms (dates relative to ${summary.today.toISOString().slice(0, 10)}).`,
  );
  console.table(summary.created);
  // Templates and demo requests go to the storage the app uses (CLASSOUND_DATA_DIR or UPLOADTHING_TOKEN).
  console.table(await seedDemoFiles(prisma));
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  console.table(DEMO_LOGINS);
  console.log("Admins also give a two-factor code: `npm run demo:totp` prints the current one.");
}
