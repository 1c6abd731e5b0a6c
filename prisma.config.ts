import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`; migrations are applied by lib/db/migrate.ts
// with the WebAssembly schema engine (see docs/architecture.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/classound" },
});
