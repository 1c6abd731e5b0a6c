import path from "node:path";
import { defineConfig } from "vitest/config";

// Files that replace a module with vi.mock, or point the process-wide clients (db(), the CDR pool,
// the storage driver) at their own database by setting the environment before importing: a mock or a
// client must not reach another file through a shared module graph, so they run isolated. Every
// other file shares its worker's modules (the generated Prisma client alone takes a second to
// import), docs/decisions/0035.
const ISOLATED = ["app/api/cdr/route.test.ts", "lib/cdr/import/uploads.test.ts"];
const TESTS = ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];

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
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // `include` is per project: a project's list is added to the root's, not put in its place.
      { extends: true, test: { name: "shared", isolate: false, include: TESTS, exclude: ISOLATED } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
