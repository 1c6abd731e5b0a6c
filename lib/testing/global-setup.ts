import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { disconnectAll, ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";

import { TEMPLATE_DATABASE } from "./template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresBaseUrl: string;
  }
}

// One embedded PostgreSQL for the whole run, with a migrated template database that every test
// file clones (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, and full isolation).
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "classound-test-pg-"));
  const server = await startEmbeddedPostgres(path.join(dir, "data"), { disposable: true });
  await ensureDatabase(server.connectionString("postgres"), TEMPLATE_DATABASE);
  await applyMigrations(server.connectionString(TEMPLATE_DATABASE));
  await disconnectAll(server.connectionString("postgres"), TEMPLATE_DATABASE);
  project.provide("postgresAdminUrl", server.connectionString("postgres"));
  project.provide("postgresBaseUrl", server.connectionString(""));
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
