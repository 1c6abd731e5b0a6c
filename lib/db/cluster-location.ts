// Where the embedded PostgreSQL keeps its cluster and its programs when this process is root.
// PostgreSQL refuses to run as root, so it runs as the `postgres` user, which must be able to
// search every parent folder of both: a checkout under /root (0700) or in a `mktemp -d` folder
// (0700) stops it with "Permission denied" (the programs are in the checkout's node_modules). Such
// a cluster goes under /var/lib/classound instead, with a marker where it would have been
// (`<cluster dir>-location`, e.g. `.data/postgres-location`) naming it; the programs are copied
// there once per version (docs/decisions/0034).
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PostgresStartError } from "./embedded-postgres-errors";

export const RELOCATION_ROOT = "/var/lib/classound";

/** The user PostgreSQL runs as: its uid (-1 when it does not exist yet) and all its groups. */
export interface Account {
  uid: number;
  gids: number[];
}

export interface DirectoryStat {
  mode: number;
  uid: number;
  gid: number;
}

/** Whether `account` may enter a directory: the owner's, the group's or the others' x bit, the one the kernel picks. */
export function maySearch(dir: DirectoryStat, account: Account): boolean {
  if (account.uid === 0) return true;
  if (dir.uid === account.uid) return (dir.mode & 0o100) !== 0;
  if (account.gids.includes(dir.gid)) return (dir.mode & 0o010) !== 0;
  return (dir.mode & 0o001) !== 0;
}

/** The parents of `dir` (the nearest first, up to /) that `account` cannot enter. */
export async function unreachableParents(dir: string, account: Account): Promise<string[]> {
  const blocked: string[] = [];
  for (let parent = path.dirname(path.resolve(dir)); ; parent = path.dirname(parent)) {
    if (!maySearch(await stat(parent), account)) blocked.push(parent);
    if (parent === path.dirname(parent)) return blocked;
  }
}

const run = promisify(execFile);

/**
 * The `postgres` account embedded-postgres runs the server as. When it does not exist yet, the
 * library creates it with a new user and group, which own nothing: only the others' bits count.
 */
export async function postgresAccount(): Promise<Account> {
  try {
    const [uid, groups] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-G", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gids: groups.stdout.trim().split(/\s+/).map(Number) };
  } catch {
    return { uid: -1, gids: [] };
  }
}

/** The folder under `root` for the cluster asked for at `wanted` (16 hex digits of its path's SHA-256). */
export function relocatedClusterDir(wanted: string, root = RELOCATION_ROOT): string {
  return path.join(root, `postgres-${createHash("sha256").update(path.resolve(wanted)).digest("hex").slice(0, 16)}`);
}

/** The marker next to the cluster asked for (in the data directory) that names where it is instead. */
export function locationMarker(wanted: string): string {
  return `${path.resolve(wanted)}-location`;
}

// A relocated cluster's note of who asked for it, so one whose data directory is gone can be removed.
const ownerFile = (cluster: string) => `${cluster}.owner`;
// An owner note younger than this may belong to a start in progress: its cluster is never pruned.
const PRUNE_AFTER_MS = 10 * 60_000;

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    return undefined;
  }
}

const isCluster = (dir: string) => existsSync(path.join(dir, "PG_VERSION"));

/** Whether a PostgreSQL still runs on `cluster` (its postmaster.pid names a live process). */
function serverRunsOn(cluster: string): Promise<boolean> {
  return readText(path.join(cluster, "postmaster.pid")).then((text) => {
    const pid = Number(text?.split("\n")[0]);
    if (!pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Removes the relocated clusters under `root` whose data directory is gone (its marker missing or
 * naming another cluster): the next start there would wipe them anyway. Only folders this code made
 * (with an owner note older than ten minutes and no server running) are touched.
 */
export async function pruneRelocatedClusters(root = RELOCATION_ROOT, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = /^(postgres-[0-9a-f]{16})\.owner$/.exec(entry);
    if (!match) continue;
    const cluster = path.join(root, match[1]);
    const note = ownerFile(cluster);
    const wanted = await readText(note);
    const noted = await stat(note).catch(() => undefined);
    if (!wanted || !noted || now - noted.mtimeMs < PRUNE_AFTER_MS) continue;
    if ((await readText(locationMarker(wanted))) === cluster) continue;
    if (await serverRunsOn(cluster)) continue;
    await rm(cluster, { recursive: true, force: true });
    await rm(note, { force: true });
    removed.push(cluster);
  }
  return removed;
}

export interface ClusterLocation {
  /** Where the cluster is. */
  dir: string;
  /** Set when that is not where it was asked for: the folder the postgres user could not enter. */
  relocatedBecause?: string;
}

/**
 * Creates `root` (0755, root's) for what the `postgres` user cannot reach where it is, and checks
 * that user can reach it; otherwise fails in one line naming both folders and the fix.
 */
async function openRoot(root: string, account: Account, closed: string, otherwise: string) {
  await mkdir(root, { recursive: true, mode: 0o755 });
  const rootStat = await stat(root);
  if (!maySearch(rootStat, account) && rootStat.uid === process.getuid?.()) await chmod(root, 0o755);
  // The parents of an entry of root: root itself and every folder above it.
  const blocked = await unreachableParents(path.join(root, "entry"), account);
  if (blocked.length) {
    throw new PostgresStartError(
      `PostgreSQL runs as the postgres user, which cannot enter ${closed} nor ${blocked.at(-1)} (where such files go instead): chmod o+x ${blocked.at(-1)}, or ${otherwise}.`,
      "permission",
    );
  }
}

function isHomeDirectory(dir: string): boolean {
  return [os.homedir(), process.env.HOME].some((home) => home && path.resolve(home) === dir);
}

/**
 * Where the cluster asked for at `clusterDir` lives, for a server run by root as the `postgres`
 * user. Today's place when that user can reach it; when only its direct parent stands in the way
 * (a `mkdtemp` folder of ours, not a home directory) that parent is opened (0755) as before;
 * otherwise it goes under `root`. A relocated cluster without its marker belonged to a data
 * directory that was since removed: it is wiped, so removing the data directory still means a fresh
 * database.
 */
export async function locateCluster(
  clusterDir: string,
  { root = RELOCATION_ROOT, account }: { root?: string; account?: Account } = {},
): Promise<ClusterLocation> {
  const wanted = path.resolve(clusterDir);
  const marker = locationMarker(wanted);
  const named = await readText(marker);
  // A cluster named by the marker is this data directory's, wherever it lives now.
  if (named && path.isAbsolute(named) && isCluster(named)) {
    if (existsSync(ownerFile(named))) await writeFile(ownerFile(named), `${wanted}\n`);
    return { dir: named, relocatedBecause: `recorded in ${marker}` };
  }

  const postgres = account ?? (await postgresAccount());
  await mkdir(path.dirname(wanted), { recursive: true });
  const blocked = await unreachableParents(wanted, postgres);
  if (blocked.length === 0) return { dir: wanted };
  const parent = path.dirname(wanted);
  if (
    blocked.length === 1 &&
    blocked[0] === parent &&
    (await stat(parent)).uid === process.getuid?.() &&
    !isHomeDirectory(parent)
  ) {
    await chmod(parent, 0o755);
    return { dir: wanted };
  }

  const cluster = relocatedClusterDir(wanted, root);
  await openRoot(
    root,
    postgres,
    `${blocked.at(-1)} (above ${wanted})`,
    "set CLASSOUND_DATA_DIR to a folder that user can reach",
  );
  await pruneRelocatedClusters(root).catch(() => []);
  // No marker names a cluster there: what is left belonged to a data directory removed since, or to an
  // initdb that did not finish.
  if (existsSync(cluster)) await rm(cluster, { recursive: true, force: true });
  await writeFile(marker, `${cluster}\n`);
  await writeFile(ownerFile(cluster), `${wanted}\n`);
  return { dir: cluster, relocatedBecause: `the postgres user cannot enter ${blocked.at(-1)}` };
}

export interface PostgresPrograms {
  initdb: string;
  postgres: string;
}

/**
 * Programs the `postgres` user can run: `packaged` (in node_modules) when it can reach them,
 * otherwise a copy of their whole folder (bin, lib, share: ~60 MB) under `root`, made once per
 * package version and platform, completely or not at all.
 */
export async function reachablePrograms(
  packaged: PostgresPrograms,
  { root = RELOCATION_ROOT, account }: { root?: string; account?: Account } = {},
): Promise<PostgresPrograms> {
  const postgres = account ?? (await postgresAccount());
  const blocked = [
    ...(await unreachableParents(packaged.initdb, postgres)),
    ...(await unreachableParents(packaged.postgres, postgres)),
  ];
  if (blocked.length === 0) return packaged;
  // The package's layout: <package>/native/{bin,lib,share}, its version in <package>/package.json.
  const nativeDir = path.dirname(path.dirname(packaged.postgres));
  const { version } = JSON.parse(await readFile(path.join(nativeDir, "..", "package.json"), "utf8")) as {
    version: string;
  };
  const copy = path.join(root, `postgresql-${version}-${os.platform()}-${os.arch()}`);
  const complete = path.join(copy, ".complete");
  await openRoot(
    root,
    postgres,
    `${blocked.at(-1)} (above ${packaged.postgres})`,
    "run npm start from a checkout that user can reach",
  );
  if (!existsSync(complete)) {
    const partial = `${copy}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await writeFile(path.join(partial, ".complete"), `${nativeDir}\n`);
    // Whole or not at all; when another start got there first, its copy is as good.
    await rename(partial, copy).catch(async () => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(complete)) throw new Error(`Could not copy the PostgreSQL programs to ${copy}`);
    });
  }
  return {
    initdb: path.join(copy, path.relative(nativeDir, packaged.initdb)),
    postgres: path.join(copy, path.relative(nativeDir, packaged.postgres)),
  };
}
