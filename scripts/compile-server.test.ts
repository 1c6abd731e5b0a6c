import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The compiled scripts `npm start` runs (scripts/compile-server.mjs, decision 0083). Compiled into a
// directory of the checkout (packages resolve from its node_modules), removed afterwards.
const distDir = `.next-compile-test-${process.pid}`;
const dir = path.resolve(`${distDir}-server`);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every file an entry imports before it runs (static imports, transitively), itself included. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, relative] of source.matchAll(/^import\s[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gm)) {
    const imported = path.resolve(path.dirname(file), relative);
    if (!seen.has(imported)) staticGraph(imported, seen);
  }
  return seen;
}

const sourcesIn = (entry: string) =>
  [...staticGraph(path.join(dir, entry))].map((file) => readFileSync(file, "utf8")).join("\n");

describe("the compiled server scripts", () => {
  it(
    "compile; the serving processes hold no migration or seed code; every chunk links under Node",
    { timeout: 60_000 },
    () => {
      execFileSync(process.execPath, ["scripts/compile-server.mjs"], {
        env: { ...process.env, NEXT_DIST_DIR: distDir },
      });
      const entries = ["start.mjs", "start-prepare.mjs", "server.mjs", "worker.mjs"];
      for (const entry of entries) expect(readdirSync(dir)).toContain(entry);

      // esbuild names each bundled module in a comment: `// lib/db/seed/index.ts`.
      const preparation = /^\/\/ lib\/db\/(seed\/|migrations\.ts|schema-engine\.ts|startup\.ts)/m;
      expect(sourcesIn("start-prepare.mjs")).toMatch(preparation);
      for (const serving of ["start.mjs", "server.mjs"]) expect(sourcesIn(serving)).not.toMatch(preparation);
      // The supervisor does not load Next.js either.
      expect(sourcesIn("start.mjs")).not.toMatch(/from\s+["']next["']/);

      // Packages are imported by names Node's ESM loader resolves (a file named without its extension
      // failed at run time only), JSON bundled: importing every chunk links them all.
      const chunks = readdirSync(path.join(dir, "chunks")).map((name) => path.join(dir, "chunks", name));
      const script = `for (const chunk of ${JSON.stringify(chunks)}) await import(chunk);`;
      execFileSync(process.execPath, ["--input-type=module", "-e", script], { stdio: "pipe" });
    },
  );
});
