import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { insertSyntheticCalls } from "@/lib/cdr/statistics/test-calls";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { refreshCallRollups } from "./refresh";

// The migration that keys the daily roll-ups by the partner's local day (decision 0045) must build
// the rows a refresh builds: partners in Berlin and New York, calls and SMS over a month's end.
const MIGRATION = "20261207030000_statistics_partner_local_days";
const { prisma, url } = await createTestDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
afterAll(() => client.end());
const { a, b } = await makeTwoTenants(prisma);
await prisma.partner.update({ where: { id: b.partner.id }, data: { timeZone: "America/New_York" } });
const from = new Date("2026-10-27T00:00:00Z");
for (const [tenant, seed] of [
  [a, 1],
  [b, 2],
] as const)
  await insertSyntheticCalls(
    prisma,
    { partnerId: tenant.partner.id, customerId: tenant.customer.id, pbxId: tenant.pbx.id },
    { count: 300, from, days: 10, seed },
  );

const ROLLUPS = {
  CallDailyRollup: `"day", "partnerId", "customerId", "pbxId", "direction"::text, "area", "countryCode", "currency", "calls", "answeredCalls", "seconds"::int, "answeredSeconds"::int, "billedSeconds"::int, "cost"::text, "endUserCost"::text, "unratedCalls"`,
  CallNumberDailyRollup: `"day", "partnerId", "customerId", "pbxId", "direction"::text, "area", "number", "calls", "seconds"::int`,
  CallUserDailyRollup: `"day", "partnerId", "customerId", "pbxId", "extension", "area1Seconds"::int, "smsSent"`,
  CallNumberTop: `"period"::text, "fromDay", "scopeKind"::text, "partnerId", "customerId", "pbxId", "direction"::text, "allAreas", "area", "number", "calls", "seconds"::int`,
};
/** Every roll-up row and every day and month ranking, in one order. */
async function snapshot() {
  const tables: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(ROLLUPS)) {
    const where = table === "CallNumberTop" ? `WHERE "period" IN ('DAY', 'MONTH')` : "";
    const query = `SELECT ${columns} FROM "${table}" ${where} ORDER BY ${columns.split(", ").map((_, i) => i + 1)}`;
    tables[table] = (await client.query(query)).rows;
  }
  return tables;
}

describe(`migration ${MIGRATION}`, () => {
  it("rebuilds the daily roll-ups and the day and month rankings as a refresh builds them", async () => {
    await refreshCallRollups(prisma, { from, to: new Date("2026-11-06T00:00:00Z") }, new Date("2026-11-20T00:00:00Z"));
    const refreshed = await snapshot();
    expect(refreshed.CallDailyRollup!.length).toBeGreaterThan(100);
    expect(refreshed.CallUserDailyRollup!.length).toBeGreaterThan(10);
    // Rows keyed by UTC day, as before the migration: every day one off.
    for (const table of ["CallDailyRollup", "CallNumberDailyRollup", "CallUserDailyRollup"])
      await client.query(`UPDATE "${table}" SET "day" = "day" - 1`);
    await client.query(`UPDATE "CallNumberTop" SET "calls" = "calls" + 1000`);
    expect(await snapshot()).not.toEqual(refreshed);

    await client.query(await readFile(path.join(MIGRATIONS_DIR, MIGRATION, "migration.sql"), "utf8"));
    expect(await snapshot()).toEqual(refreshed);
  });
});
