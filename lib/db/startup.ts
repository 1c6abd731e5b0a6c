import pg from "pg";
import { applyMigrations } from "./migrations";
import { demoDataState, type DemoDataState } from "./seed/state";
import { formatCount } from "@/lib/format";

// What `npm start` does to the database before it serves (decision 0078): migrations, then the demo
// data (seed and demo files) or, for a production database, the reference catalogue and its templates.
// Under one session-level advisory lock, so instances started together on one database take turns and
// each one after the first finds the work done: one set of migrations, one seed, one copy of each demo
// file. The seed, the demo files and the schema engine are loaded only when there is work for them.

/** The lock's key, beside the seed's and the job queue's (`hashtext('classound-demo-seed')`, …). */
const STARTUP_LOCK_SQL = "SELECT pg_advisory_lock(hashtext('classound.startup'))";
const STARTUP_TRY_LOCK_SQL = "SELECT pg_try_advisory_lock(hashtext('classound.startup')) AS locked";

/** Runs one step and says what it did (npm start prints each line with its time). */
export type Step = <T>(run: () => Promise<T>, done: (result: T) => string) => Promise<T>;

const quietly: Step = (run) => run();

export interface PrepareOptions {
  /** Whether an empty database gets the demo companies (CLASSOUND_DEMO). */
  demo: boolean;
  step?: Step;
  /** Called when another instance holds the lock, before waiting for it. */
  onWait?: () => void;
}

/**
 * Runs `work` holding the start-up lock on the database at `url`; `onWait` is told when another
 * instance holds it. The lock is the session's: ending it releases the lock, also when `work` failed
 * (the next instance then tries again), and a killed instance's lock goes with its connection.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  const lock = new pg.Client({ connectionString: url, application_name: "classound-startup" });
  await lock.connect();
  try {
    const [{ locked }] = (await lock.query<{ locked: boolean }>(STARTUP_TRY_LOCK_SQL)).rows;
    if (!locked) {
      onWait?.();
      await lock.query(STARTUP_LOCK_SQL);
    }
    return await work();
  } finally {
    await lock.end();
  }
}

/** Migrates and fills the database at `url` under the start-up lock; answers its state before the seed. */
export function prepareDatabase(url: string, { demo, step = quietly, onWait }: PrepareOptions) {
  return withStartupLock(
    url,
    async () => {
      await step(
        () => applyMigrations(url),
        (applied) => (applied.length ? `Applied ${formatCount(applied.length, "migration")}` : "Migrations current"),
      );
      const state = await demoDataState(url);
      const needed = demo ? !state.hasData || state.demoFilesPending : !state.hasCatalogue || state.templatesPending;
      const prisma = needed ? (await import("./client")).createPrismaClient(url, 2) : undefined;
      try {
        if (demo) await seedDemo(prisma, state, step);
        else await loadCatalogue(prisma, state, step);
      } finally {
        await prisma?.$disconnect();
      }
      return state;
    },
    onWait,
  );
}

type Prisma = import("./client").Db | undefined;

/** The demo database: every demo company, then the files they need (templates, requests). */
async function seedDemo(prisma: Prisma, state: DemoDataState, step: Step) {
  await step(
    async () => {
      if (state.hasData) return undefined;
      const { seedDatabase } = await import("./seed");
      return seedDatabase(prisma!);
    },
    (seeded) =>
      seeded
        ? `Seeded demo data (${seeded.insertedRows} rows)`
        : "Seed skipped (the database has data; npm run db:seed adds what is missing)",
  );
  // A database seeded just now has no demo files yet.
  await step(
    async () => {
      if (state.hasData && !state.demoFilesPending) return undefined;
      const { seedDemoFiles } = await import("./seed/demo-files");
      return seedDemoFiles(prisma!);
    },
    (stored) =>
      stored
        ? `Stored ${stored.templates} document templates, ${stored.activationRequests} demo activation requests and ${stored.complianceDocuments} compliance documents; ${stored.invoices} invoices of last month drafted`
        : "Demo files present",
  );
}

/** A production database (issue 31): the reference catalogue once, price lists as drafts; no company, no user. */
async function loadCatalogue(prisma: Prisma, state: DemoDataState, step: Step) {
  await step(
    async () => {
      if (state.hasCatalogue) return undefined;
      const { seedCatalogue } = await import("./seed");
      return seedCatalogue(prisma!);
    },
    (loaded) =>
      loaded
        ? `Loaded the reference catalogue (${loaded.countries} countries, ${loaded.requiredDocuments} required documents, ${loaded.priceLists} price lists as drafts for an admin to publish)`
        : "Reference catalogue present (no demo data: CLASSOUND_DEMO is off)",
  );
  await step(
    async () => {
      if (!state.templatesPending) return 0;
      const { attachFormTemplates } = await import("./seed/demo-files");
      return attachFormTemplates(prisma!, async () => null);
    },
    (stored) => (stored ? `Stored ${stored} document templates` : "Document templates present"),
  );
}
