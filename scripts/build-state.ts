import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// What the production build depends on; a change to any of these makes `npm start` rebuild.
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const IGNORED = /(^|\/)(node_modules|\.next[^/]*|\.data)(\/|$)|\.test\.tsx?$/;
/** Where `next build` writes (next.config.mjs reads the same setting). */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST_DIR, "classound-source-hash");
// The sources' sizes and times when their content hash was last computed, with that hash: while
// they are the same, the content is too, and `npm start` need not read every file again.
const STAT_CACHE = path.join(DIST_DIR, "classound-source-stat.json");

async function* walk(entry: string, isDirectory: boolean): AsyncGenerator<string> {
  if (IGNORED.test(entry)) return;
  if (!isDirectory) {
    yield entry;
    return;
  }
  const children = await readdir(entry, { withFileTypes: true });
  for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
    yield* walk(path.join(entry, child.name), child.isDirectory());
  }
}

/** Every source file the build depends on, in a stable order. */
export async function sourceFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const source of SOURCES) {
    if (!existsSync(source)) continue;
    for await (const file of walk(source, (await stat(source)).isDirectory())) files.push(file);
  }
  return files;
}

/** The content hash of the sources: their paths and bytes. */
export async function sourceHash(files?: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files ?? (await sourceFiles()))
    hash
      .update(file)
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex");
}

/**
 * A hash of the sources' paths, sizes, inode numbers and change and modification times (in
 * nanoseconds), as git and make judge a file unchanged: any edit, copy or checkout changes it.
 */
export async function statSignature(files: string[]): Promise<string> {
  const stats = await Promise.all(files.map((file) => stat(file, { bigint: true })));
  const hash = createHash("sha256");
  stats.forEach((s, i) => hash.update(`${files[i]}\0${s.size}\0${s.ino}\0${s.mtimeNs}\0${s.ctimeNs}\n`));
  return hash.digest("hex");
}

export interface BuildCheck {
  /** Whether `.next` holds a build of the current sources. */
  current: boolean;
  /** The sources' content hash, for markBuilt after a build. */
  hash: string;
  /** "stat" when the files' sizes and times showed the sources unchanged, "content" when they were read. */
  checkedBy: "stat" | "content";
}

async function readStatCache(): Promise<{ signature: string; hash: string } | undefined> {
  try {
    return JSON.parse(await readFile(STAT_CACHE, "utf8"));
  } catch {
    return undefined;
  }
}

async function writeStatCache(signature: string, hash: string) {
  await mkdir(path.dirname(STAT_CACHE), { recursive: true });
  await writeFile(STAT_CACHE, JSON.stringify({ signature, hash }));
}

/**
 * What the stamp records beside the sources' hash: the end-to-end server's build
 * (CLASSOUND_TEST_BUILD=1: no type check, server code unminified) is not what a plain `npm start`
 * should serve, nor the reverse, so each rebuilds over the other.
 */
const stampOf = (hash: string) => (process.env.CLASSOUND_TEST_BUILD === "1" ? `${hash} test-build` : hash);

/**
 * Whether the last build is of the current sources. The files' sizes and times are compared with
 * those recorded the last time their content was hashed; only when they differ is every file read
 * (so a touched but unchanged file costs one content hash, not a build).
 */
export async function checkBuild(): Promise<BuildCheck> {
  const files = await sourceFiles();
  // Taken before the content is read: a file edited meanwhile then differs from it next time.
  const signature = await statSignature(files);
  const built =
    existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP)
      ? (await readFile(STAMP, "utf8")).trim()
      : undefined;
  const cached = await readStatCache();
  if (cached?.signature === signature)
    return { current: stampOf(cached.hash) === built, hash: cached.hash, checkedBy: "stat" };
  const hash = await sourceHash(files);
  if (existsSync(DIST_DIR)) await writeStatCache(signature, hash);
  return { current: stampOf(hash) === built, hash, checkedBy: "content" };
}

/** Records that `.next` now holds a build of the sources whose check is `check`. */
export async function markBuilt(check: Pick<BuildCheck, "hash">) {
  await writeFile(STAMP, stampOf(check.hash));
  // `next build` may have emptied .next: the signature is taken again so the next start need not read the files.
  const files = await sourceFiles();
  const signature = await statSignature(files);
  if ((await sourceHash(files)) === check.hash) await writeStatCache(signature, check.hash);
}
