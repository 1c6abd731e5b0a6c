import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

// What the production build depends on; a change to any of these makes `npm start` rebuild.
const SOURCES = ["app", "components", "lib", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const IGNORED = /(^|\/)(node_modules|\.next|\.data)(\/|$)|\.test\.tsx?$/;
const STAMP = path.join(".next", "classound-source-hash");

async function* files(entry: string): AsyncGenerator<string> {
  if (!existsSync(entry) || IGNORED.test(entry)) return;
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!stat) {
    yield entry;
    return;
  }
  for (const child of stat.sort((a, b) => a.name.localeCompare(b.name))) yield* files(path.join(entry, child.name));
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for await (const file of files(source)) hash.update(file).update("\0").update(await readFile(file)).update("\0");
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(hash: string): Promise<boolean> {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return (await readFile(STAMP, "utf8")) === hash;
}

export async function markBuilt(hash: string) {
  await writeFile(STAMP, hash);
}
