// The processes `npm start` and `npm run worker` leave running execute compiled JavaScript, not tsx:
// tsx's loader turned on source maps, so Node kept every Next.js chunk's source map beside its code,
// and its hooks ran on a thread of their own; the web server held 180-250 MB more for them
// (docs/performance.md, "Memory per instance"; decision 0083). This compiles the scripts the portal runs
// (start, its preparation step, the server, the job worker) with esbuild, their `@/lib` imports
// bundled and packages left to node_modules, into `<NEXT_DIST_DIR>-server/` (`.next-server/`): next to
// the Next build, outside it (`next build` empties its own directory). Plain JavaScript, so it runs
// before anything is compiled. Run as a script: compiles when a source changed, or with `--if-missing`
// only when nothing is compiled yet (`npm start -- --no-build` beside an instance serving these files).
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTRIES = ["start", "start-prepare", "server", "worker"];

/** Where the compiled scripts are: beside the Next build directory. */
export const compiledDir = () => path.resolve(`${process.env.NEXT_DIST_DIR || ".next"}-server`);

/** What the last compile read: its sources (from esbuild's metafile), and when it started. */
const stampFile = (dir) => path.join(dir, "compiled-from.json");

/** Whether every entry exists and no source it was compiled from changed (or went) since. */
function current(dir) {
  if (!ENTRIES.every((entry) => existsSync(path.join(dir, `${entry}.mjs`))) || !existsSync(stampFile(dir)))
    return false;
  const { startedAt, inputs } = JSON.parse(readFileSync(stampFile(dir), "utf8"));
  return inputs.every((input) => existsSync(input) && statSync(input).mtimeMs < startedAt);
}

/**
 * A library module's `import.meta.url` as in its source file, not the bundle: one that finds a file
 * beside itself (a worker thread's entry, the Prisma client's directory) finds it as under tsx. The
 * entries (scripts/) keep the compiled one: start finds the other entries beside itself by it.
 */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    const library = path.resolve("lib") + path.sep;
    build.onLoad({ filter: /\.tsx?$/ }, async ({ path: file }) => {
      if (!file.startsWith(library)) return undefined;
      const source = await readFile(file, "utf8");
      const url = JSON.stringify(pathToFileURL(file).href);
      return { contents: source.replaceAll("import.meta.url", url), loader: file.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

const requireHere = createRequire(import.meta.url);

/**
 * Packages stay in node_modules, imported by the name Node's ESM loader accepts: tsx let a package's
 * file be named without its extension (`zipcodes/lib/states`), Node wants it whole; JSON files are
 * bundled (Node would want an import attribute for them).
 */
const packageImports = {
  name: "package-imports",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier, kind }) => {
      if (kind === "entry-point" || specifier.startsWith("node:") || specifier.startsWith("@/")) return undefined;
      const file = requireHere.resolve(specifier);
      if (file.endsWith(".json")) return { path: file };
      let resolved;
      try {
        resolved = fileURLToPath(import.meta.resolve(specifier));
      } catch {
        // not resolvable as ESM (a package's file named without its extension): named whole below
      }
      if (resolved && existsSync(resolved)) return { path: specifier, external: true };
      const name = specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/");
      const packageDir =
        file.slice(0, file.lastIndexOf(`${path.sep}node_modules${path.sep}${name}${path.sep}`)) +
        `${path.sep}node_modules${path.sep}${name}`;
      return { path: `${name}/${path.relative(packageDir, file).split(path.sep).join("/")}`, external: true };
    });
  },
};

/** Writes a file as a whole or not at all: a process starting beside this one never reads half of one. */
async function writeAtomically(file, contents) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

export async function compileServer(dir = compiledDir()) {
  const startedAt = Date.now();
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: Object.fromEntries(ENTRIES.map((entry) => [entry, `scripts/${entry}.ts`])),
    outdir: dir,
    bundle: true,
    // Chunks hold what entries share and what they import lazily (the job modules, the S3 and
    // UploadThing drivers), loaded when first used as under tsx; named by content, never overwritten.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: "tsconfig.json",
    plugins: [packageImports, sourceUrls],
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  // Chunks first, the entries that import them last, each renamed into place.
  const isChunk = (file) => file.path.includes(`${path.sep}chunks${path.sep}`);
  for (const file of [...result.outputFiles.filter(isChunk), ...result.outputFiles.filter((f) => !isChunk(f))]) {
    const unchanged = existsSync(file.path) && (await readFile(file.path)).equals(Buffer.from(file.contents));
    if (!unchanged) await writeAtomically(file.path, file.contents);
  }
  // Chunks of earlier compiles are removed, as a rebuild replaces the Next build under a server
  // still running the old one (start such instances with --no-build).
  const kept = new Set(result.outputFiles.map((file) => path.basename(file.path)));
  const chunks = path.join(dir, "chunks");
  for (const name of await readdir(chunks)) if (!kept.has(name)) await rm(path.join(chunks, name), { force: true });
  // The compiler and the installed packages (how their imports are named) decide the output too.
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    "scripts/compile-server.mjs",
    "package-lock.json",
    "tsconfig.json",
  ]
    .filter((input) => !input.startsWith("node_modules/"))
    .map((input) => path.resolve(input));
  await writeAtomically(stampFile(dir), JSON.stringify({ startedAt, inputs }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = compiledDir();
  const ifMissing = process.argv.includes("--if-missing");
  const startedAt = performance.now();
  if (ifMissing ? !ENTRIES.every((entry) => existsSync(path.join(dir, `${entry}.mjs`))) : !current(dir)) {
    await compileServer(dir);
    console.log(
      `[classound] Compiled the server scripts (${path.relative(process.cwd(), dir)}) · ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  }
}
