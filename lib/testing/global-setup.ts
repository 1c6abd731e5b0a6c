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

interface SharedServer {
  adminUrl: string;
  baseUrl: string;
  users: number;
  stop: () => Promise<void>;
}

// Each Vitest project (vitest.config.ts) runs this set-up, in the same process: the first starts the
// server, the others share it (and the schema engine must not run twice at once), the last stops it.
const holder = globalThis as unknown as { classoundTestServer?: Promise<SharedServer> };

async function startServer(): Promise<SharedServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "classound-test-pg-"));
  const server = await startEmbeddedPostgres(path.join(dir, "data"), { disposable: true });
  await ensureDatabase(server.connectionString("postgres"), TEMPLATE_DATABASE);
  await applyMigrations(server.connectionString(TEMPLATE_DATABASE));
  await disconnectAll(server.connectionString("postgres"), TEMPLATE_DATABASE);
  return {
    adminUrl: server.connectionString("postgres"),
    baseUrl: server.connectionString(""),
    users: 0,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// One embedded PostgreSQL for the whole run, with a migrated template database that every test
// file clones (CREATE DATABASE … TEMPLATE is a file copy: milliseconds, and full isolation).
export default async function setup(project: TestProject) {
  holder.classoundTestServer ??= startServer();
  const server = await holder.classoundTestServer;
  server.users++;
  project.provide("postgresAdminUrl", server.adminUrl);
  project.provide("postgresBaseUrl", server.baseUrl);
  return async () => {
    if (--server.users > 0) return;
    holder.classoundTestServer = undefined;
    await server.stop();
  };
}
