import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createPrismaClient } from "./client";

const { url } = await createTestDatabase();

describe("the query log for the page bench", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("writes one line per statement, with its time and SQL, when CLASSOUND_QUERY_LOG names a file", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "query-log-")), "queries.log");
    vi.stubEnv("CLASSOUND_QUERY_LOG", file);
    const client = createPrismaClient(url, 1);
    try {
      await client.country.findMany({ where: { code: "DE" }, select: { code: true } });
      await client.user.count();
    } finally {
      await client.$disconnect();
    }
    const lines = (await readFile(file, "utf8")).split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^[\d.]+\tSELECT .*"Country"/);
    expect(lines[1]).toMatch(/^[\d.]+\tSELECT COUNT\(\*\).*"User"/);
  });
});
