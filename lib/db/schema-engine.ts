import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine cannot be downloaded on these machines; the same engine compiled to
// WebAssembly can. Instantiating the .wasm ourselves (instead of importing the package entry, which
// imports the .wasm as an ES module) keeps `--experimental-wasm-modules` out of every command.
let bindings: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

// The engine reports a Rust panic through this global before it aborts; keep the message to rethrow it.
const panicRegistry = { message: "", set_message(message: string) { this.message = message; } };

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
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

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

/** A schema engine bound to a database (for applying migrations) or to none (for diffs). */
export async function openSchemaEngine(connectionString?: string): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const factory = new PrismaPg({ connectionString: connectionString ?? "postgresql://unused@localhost:1/unused" });
  if (connectionString) await patchCharColumnType(factory);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = () => {};
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, log, adapter);
}
