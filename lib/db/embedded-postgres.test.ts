import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { durableServerSettings } from "./embedded-postgres";
import { PostgresStartError } from "./embedded-postgres-errors";
import { openAppDatabase } from "./local-database";

const GiB = 1024 ** 3;
const setting = (flags: string[], name: string) =>
  flags
    .filter((_, i) => flags[i - 1] === "-c")
    .find((f) => f.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe("durableServerSettings", () => {
  it("gives shared buffers a quarter of the memory, capped at 4 GB, never below PostgreSQL's default", () => {
    expect(setting(durableServerSettings(24 * GiB), "shared_buffers")).toBe("4096MB");
    expect(setting(durableServerSettings(2 * GiB), "shared_buffers")).toBe("512MB");
    expect(setting(durableServerSettings(GiB / 4), "shared_buffers")).toBe("128MB");
  });

  it("tells the planner about half the memory as cache, and spaces checkpoints out", () => {
    const flags = durableServerSettings(24 * GiB);
    expect(setting(flags, "effective_cache_size")).toBe("12288MB");
    expect(setting(flags, "max_wal_size")).toBe("8GB");
    expect(setting(flags, "checkpoint_timeout")).toBe("30min");
  });
});

// The real start path: initdb (~1.5 s) and PostgreSQL, as `npm start` runs them.
describe("openAppDatabase (embedded)", () => {
  const made: string[] = [];
  async function scratch(name: string) {
    const dir = await mkdtemp(path.join(os.tmpdir(), name));
    made.push(dir);
    return dir;
  }
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });
  /** A relocation root anyone may enter, as /var/lib/classound is, thrown away afterwards (so tests never write there). */
  async function relocationRoot() {
    const dir = await scratch("classound-relocated-");
    await chmod(dir, 0o755);
    return path.join(dir, "classound");
  }

  async function query(url: string, sql: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const hasTable = async (url: string) =>
    (await query(url, "SELECT to_regclass('public.kept') IS NOT NULL AS present"))[0].present;

  it.skipIf(process.getuid?.() !== 0)(
    "runs as root from a checkout in a 0700 folder: the cluster moves out, keeps its data, and starts fresh once the data directory is removed",
    async () => {
      const closed = await scratch("classound-closed-"); // mkdtemp: 0700, like /root or `mktemp -d`
      const dataDir = path.join(closed, "checkout", ".data", "e2e-3100");
      const root = await relocationRoot();

      const first = await openAppDatabase(undefined, dataDir, { relocationRoot: root });
      try {
        expect(first.relocatedBecause).toBe(`the postgres user cannot enter ${closed}`);
        expect(first.clusterDir).toMatch(new RegExp(`^${root}/postgres-[0-9a-f]{16}$`));
        expect((await readFile(path.join(dataDir, "postgres-location"), "utf8")).trim()).toBe(first.clusterDir);
        expect(await query(first.url, "SELECT 41 + 1 AS answer")).toEqual([{ answer: 42 }]);
        // The app's cluster commits durably; only the disposable test clusters trade that for speed.
        const settings = await query(
          first.url,
          "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name",
        );
        expect(settings).toEqual([
          { name: "fsync", setting: "on" },
          { name: "full_page_writes", setting: "on" },
          { name: "synchronous_commit", setting: "on" },
        ]);
        await query(first.url, "CREATE TABLE kept (id int)");
      } finally {
        await first.stop();
      }
      expect((await stat(closed)).mode & 0o777, "the closed folder stays closed").toBe(0o700);

      const again = await openAppDatabase(undefined, dataDir, { relocationRoot: root });
      try {
        expect(again.clusterDir).toBe(first.clusterDir);
        expect(await hasTable(again.url)).toBe(true);
      } finally {
        await again.stop();
      }

      // What the e2e set-up does: rm -rf .data/e2e-3100 && npm start.
      await rm(dataDir, { recursive: true, force: true });
      const fresh = await openAppDatabase(undefined, dataDir, { relocationRoot: root });
      try {
        expect(fresh.clusterDir).toBe(first.clusterDir);
        expect(await hasTable(fresh.url)).toBe(false);
      } finally {
        await fresh.stop();
      }
    },
    60_000,
  );

  it("refuses a second start on the same data directory in one line, and starts over a pid file whose process is not PostgreSQL", async () => {
    const dataDir = path.join(await scratch("classound-twice-"), ".data");
    const options = { relocationRoot: await relocationRoot() };
    const first = await openAppDatabase(undefined, dataDir, options);
    try {
      const second = openAppDatabase(undefined, dataDir, options);
      await expect(second).rejects.toBeInstanceOf(PostgresStartError);
      const message = ((await second.catch((error: Error) => error)) as Error).message;
      expect(message).toMatch(
        new RegExp(
          `^Another \`npm start\` is already using ${dataDir} \\(PostgreSQL pid \\d+\\): stop it first, or set CLASSOUND_DATA_DIR to another folder\\.$`,
        ),
      );
    } finally {
      await first.stop();
    }

    // A crash left postmaster.pid behind, and its pid now belongs to another program (here: this test).
    await writeFile(path.join(first.clusterDir!, "postmaster.pid"), `${process.pid}\n${first.clusterDir}\n`);
    const afterCrash = await openAppDatabase(undefined, dataDir, options);
    try {
      expect(await query(afterCrash.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);
    } finally {
      await afterCrash.stop();
    }
  }, 60_000);
});
