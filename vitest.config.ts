import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Files that replace a module with vi.mock, or point the process-wide clients (db(), the CDR pool,
// the storage driver) at their own database by setting the environment before importing: a mock or a
// client must not reach another file through a shared module graph, so they run isolated. Every
// other file shares its worker's modules (the generated Prisma client alone takes a second to
// import), docs/decisions/0035.
const ISOLATED = [
  "app/api/cdr/route.test.ts",
  "app/api/sms/route.test.ts",
  "lib/cdr/import/uploads.test.ts",
  "app/api/invoices/routes.test.ts",
  // The partner API's route tests call the handlers, which reach the process-wide db().
  "app/api/v1/**/*.test.ts",
];
const TESTS = ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];

// Files of 5 s or more (full seeds, a killed child process, their own clusters), slowest first. Vitest
// orders files by the durations of the last run, which a clean clone lacks, and then by size: a short
// file that runs 20 s would start last and end the run alone while the other workers idle.
const SLOW = [
  "lib/db/seed/seed.test.ts",
  "lib/db/startup.test.ts",
  "app/api/v1/matrix.test.ts",
  "lib/cdr/rating/oracle-property.test.ts",
  "lib/cdr/import/kill-resume.test.ts",
  "lib/db/embedded-postgres.test.ts",
  "lib/pricing/documents/documents.test.ts",
  "lib/jobs/runner.test.ts",
  "lib/db/migrations.test.ts",
  "app/api/v1/porting-emergency-tickets.test.ts",
  "lib/ops/graceful-shutdown.test.ts",
  "lib/cdr/import/upload-kill-resume.test.ts",
  "lib/numbers/range-file.test.ts",
  "lib/emergency/csv-kill-resume.test.ts",
];

class SlowFilesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => {
      const slow = SLOW.findIndex((name) => file.moduleId.endsWith(name));
      return slow === -1 ? SLOW.length : slow;
    };
    // Array.prototype.sort is stable: the rest keep Vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    globalSetup: ["lib/testing/global-setup.ts"],
    // Integration tests share one embedded PostgreSQL; each file gets its own database. Most of a
    // file's time is spent waiting on it, so more workers than the machine's cores (Vitest's default
    // is one fewer than the cores: one worker on a 2-core machine).
    pool: "forks",
    maxWorkers: 3,
    sequence: { sequencer: SlowFilesFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // `include` is per project: a project's list is added to the root's, not put in its place.
      { extends: true, test: { name: "shared", isolate: false, include: TESTS, exclude: ISOLATED } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
