import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory, type SqlQuery } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { splitSqlStatements } from "./sql-script";

// Prisma's native schema engine cannot be downloaded on these machines; the same engine compiled to
// WebAssembly can. Instantiating the .wasm ourselves (instead of importing the package entry, which
// imports the .wasm as an ES module) keeps `--experimental-wasm-modules` out of every command.
let bindings: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

// The engine reports a Rust panic through this global before it aborts; keep the message to rethrow it.
const panicRegistry = {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
};

function loadBindings() {
  bindings ??= (async () => {
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return bindings;
}

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");
export { MIGRATIONS_DIR } from "./migration-status";

// The schema engine introspects the shadow database with catalog queries that return PostgreSQL's
// internal one-byte "char" type (OID 18), which @prisma/adapter-pg 7.10 does not map and rejects
// ("Column type 'char' could not be deserialized"). The engine expects such columns as Character,
// so the adapter's query class is taught that mapping: once, and only in migration tooling.
const PG_CHAR = 18;
const PG_TEXT = 25;
const CHAR_COLUMNS = Symbol("charColumns");
let adapterPatched = false;

type QueryResult = { fields?: { dataTypeID: number }[]; [CHAR_COLUMNS]?: number[] };

async function patchCharColumnType(factory: PrismaPg) {
  if (adapterPatched) return;
  const adapter = await factory.connect();
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  await adapter.dispose();
  if (!proto) throw new Error("@prisma/adapter-pg changed: performIO not found; revisit lib/db/schema-engine.ts");
  const { performIO, queryRaw } = proto;
  let lastCharColumns: number[] = [];
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result: QueryResult = await performIO.apply(this, args);
    lastCharColumns = [];
    result.fields?.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        lastCharColumns.push(index);
      }
    });
    return result;
  };
  proto.queryRaw = async function (this: unknown, ...args: unknown[]) {
    const result = await queryRaw.apply(this, args);
    // The engine runs its queries one at a time, so the columns noted by performIO are this query's.
    for (const index of lastCharColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  adapterPatched = true;
}

// The adapter creates its shadow database by overriding `database` in this config, which a
// `connectionString` would silently take precedence over; so the URL is split into its parts.
function poolConfig(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: ["require", "verify-full", "verify-ca"].includes(url.searchParams.get("sslmode") ?? "") || undefined,
  };
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (freeing alone leaves them, and the migration lock, open). */
  close: () => Promise<void>;
}

/** The adapter, running a script statement by statement as PostgreSQL parses them (lib/db/sql-script.ts). */
function withWholeStatements<
  A extends { executeScript: (script: string) => Promise<void>; executeRaw: (q: SqlQuery) => Promise<number> },
>(adapter: A): A {
  adapter.executeScript = async (script: string) => {
    for (const sql of splitSqlStatements(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
  };
  return adapter;
}

/** A schema engine bound to a database (for applying migrations, or as the shadow database of a diff). */
export async function openSchemaEngine(connectionString: string, schemaPath = SCHEMA_PATH): Promise<OpenSchemaEngine> {
  const bg = await loadBindings();
  const schemaText = await readFile(schemaPath, "utf8");
  const config = poolConfig(connectionString);
  const factory = new PrismaPg(config);
  await patchCharColumnType(factory);
  const opened: { dispose: () => Promise<void> }[] = [];
  const connect = async () => {
    const adapter = withWholeStatements(await factory.connect());
    opened.push(adapter);
    return adapter;
  };
  const tracked = Object.assign(Object.create(factory), {
    connect,
    // The adapter's own shadow database drops the database before closing its pool, which
    // PostgreSQL refuses ("being accessed by other users"); this closes the pool first.
    connectToShadowDb: async () => {
      const admin = await connect();
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = withWholeStatements(await new PrismaPg({ ...config, database }).connect());
      const dispose = shadow.dispose.bind(shadow);
      return Object.assign(shadow, {
        dispose: async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        },
      });
    },
  });
  const log = () => {};
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}
