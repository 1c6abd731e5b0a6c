import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { migrationsAround, runMigrationSql } from "@/lib/testing/migrations";
import { createEmptyDatabase } from "@/lib/testing/test-database";
import { rankingPlan, refreshNumberTop } from "./number-top";

// The migration that turns the monthly ranking into two ranking periods keeps the month rows and
// backfills the day rankings: they must be the rows a refresh would build.
const MIGRATION = "call_number_top_periods";
const LOCAL_DAYS_MIGRATION = "_statistics_partner_local_days";
const url = await createEmptyDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
const prisma = createPrismaClient(url, 2);
afterAll(async () => {
  await client.end();
  await prisma.$disconnect();
});

/** Daily number roll-up rows over 12 days across a month end: 3 PBXs of 2 partners, numbers from a small pool so rankings tie and overflow ten. */
function dailyRows(): string {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
  const pbxs = [
    ["p1", "c1", "x1"],
    ["p1", "c2", "x2"],
    ["p2", "c3", "x3"],
  ];
  const rows: string[] = [];
  for (let i = 0; i < 400; i++) {
    const [partner, customer, pbx] = pbxs[next(3)];
    const day = new Date(Date.UTC(2026, 9, 26 + next(12))).toISOString().slice(0, 10);
    const area = next(4) === 0 ? "NULL" : String(1 + next(3));
    rows.push(
      `('${day}', '${partner}', '${customer}', '${pbx}', '${next(2) ? "INBOUND" : "OUTBOUND"}', ${area}, '+4930${100 + next(30)}', ${1 + next(3)}, ${next(600)})`,
    );
  }
  return rows.join(",\n");
}

const rankings = async (period: string) =>
  (
    await client.query(
      `SELECT "fromDay"::text, "scopeKind"::text, "partnerId", "customerId", "pbxId", "direction"::text, "allAreas", "area", "number", "calls", "seconds"::int
       FROM "CallNumberTop" WHERE "period" = $1 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 10 DESC, 11 DESC, 9`,
      [period],
    )
  ).rows;

describe(`migration ${MIGRATION}`, () => {
  it("keeps the month rankings and backfills every day's ranking as a refresh builds it", async () => {
    const { before, fromIt } = await migrationsAround(MIGRATION);
    await runMigrationSql(client, before);
    await client.query(`
      INSERT INTO "CallNumberDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "number", "calls", "seconds") VALUES ${dailyRows()};
      INSERT INTO "CallNumberMonthlyTop" ("month", "scopeKind", "partnerId", "direction", "allAreas", "number", "calls", "seconds")
        VALUES ('2026-10-01', 'PARTNER', 'p1', 'OUTBOUND', true, '+4930100', 9, 900);`);
    // Up to the migration that rebuilds the roll-ups from the raw calls, which this test has none of.
    await runMigrationSql(
      client,
      fromIt.slice(
        0,
        fromIt.findIndex((name) => name.endsWith(LOCAL_DAYS_MIGRATION)),
      ),
    );

    expect(await rankings("MONTH")).toEqual([
      {
        fromDay: "2026-10-01",
        scopeKind: "PARTNER",
        partnerId: "p1",
        customerId: null,
        pbxId: null,
        direction: "OUTBOUND",
        allAreas: true,
        area: null,
        number: "+4930100",
        calls: 9,
        seconds: 900,
      },
    ]);
    const backfilled = await rankings("DAY");
    expect(backfilled.length).toBeGreaterThan(100);
    expect(new Set(backfilled.map((r) => r.fromDay)).size).toBe(12);

    await prisma.$transaction(async (tx) => {
      await refreshNumberTop(
        tx,
        rankingPlan("DAY", new Date("2026-10-26T00:00:00Z"), new Date("2026-11-07T00:00:00Z"), new Date()),
      );
    });
    expect(await rankings("DAY")).toEqual(backfilled);
  });
});
