import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedCall } from "@/lib/testing/calls";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createImportRow } from "./import/create-import";
import { runCallImport } from "./import/import-calls";
import { ensureCallRecordPartitions } from "./partitions";
import { dropCallMonthsBefore, keptFrom } from "./retention";
import { refreshRollupsForMonths } from "./rollups/refresh";

const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => pool.end());
let tenant: Tenant;
// The suite's clock: 24 months kept (the default) means calls from 1 December 2024 on.
const NOW = new Date();
const KEPT = keptFrom(NOW, 24);
const monthsBack = (months: number, day = 10) =>
  new Date(Date.UTC(KEPT.getUTCFullYear(), KEPT.getUTCMonth() + months, day, 9));
const month = (date: Date) => date.toISOString().slice(0, 8) + "01";

beforeAll(async () => {
  tenant = await makeTenant(prisma);
  await ensureCallRecordPartitions((sql) => prisma.$executeRawUnsafe(sql), monthsBack(-2), monthsBack(1));
  await prisma.callRecord.createMany({
    data: [-2, -1, 0, 1].map((m) => storedCall(tenant, { externalId: `m${m}`, startedAt: monthsBack(m) })),
  });
  // Rolled up while they were still kept (a month after their calls).
  await refreshRollupsForMonths(prisma, [month(monthsBack(-1)), month(monthsBack(0))], monthsBack(0, 15));
});

const rollupCalls = async (date: Date) =>
  (
    await prisma.callDailyRollup.aggregate({
      where: { day: new Date(date.toISOString().slice(0, 10)) },
      _sum: { calls: true },
    })
  )._sum.calls;

describe("retention (CDR_RETENTION_MONTHS)", () => {
  it("keeps the months from `months` before today's", () => {
    expect(keptFrom(new Date("2026-12-07T10:00:00Z"), 24)).toEqual(new Date("2024-12-01T00:00:00Z"));
    expect(keptFrom(new Date("2026-01-31T23:59:59Z"), 2)).toEqual(new Date("2025-11-01T00:00:00Z"));
  });

  it("drops the older months' partitions, keeps their roll-ups, twice as once", async () => {
    const name = (date: Date) => `CallRecord_${date.toISOString().slice(0, 7).replace("-", "_")}`;
    expect(await dropCallMonthsBefore(prisma, KEPT)).toEqual([name(monthsBack(-2)), name(monthsBack(-1))]);
    expect(await dropCallMonthsBefore(prisma, KEPT)).toEqual([]);
    const left = await prisma.callRecord.findMany({ where: { pbxId: tenant.pbx.id }, select: { externalId: true } });
    expect(left.map((c) => c.externalId).sort()).toEqual(["m0", "m1"]);
    expect(await rollupCalls(monthsBack(-1))).toBe(1);
  });

  it("never rebuilds a dropped month's roll-ups from what is left", async () => {
    await refreshRollupsForMonths(prisma, [month(monthsBack(-1)), month(monthsBack(0))], NOW);
    expect(await rollupCalls(monthsBack(-1))).toBe(1);
    expect(await rollupCalls(monthsBack(0))).toBe(1);
  });

  it("refuses an imported call older than the months kept, and stores a kept one", async () => {
    const line = (id: string, at: Date) =>
      `${id},${tenant.pbx.serial},out,+4930901820,+4989123456,100,${at.toISOString()},,60,answered`;
    const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "late.csv" });
    const outcome = await runCallImport(
      pool,
      id,
      Readable.from([
        [
          "call_id,pbx,direction,from,to,extension,started_at,answered_at,duration,disposition",
          line("too-old", monthsBack(-1, 20)),
          line("kept", monthsBack(0, 20)),
        ].join("\n"),
      ]),
    );
    expect(outcome).toMatchObject({ rowsStored: 1, rowsRefused: 1 });
    expect(outcome.report).toEqual({ "older than the months of calls the portal keeps": 1 });
    expect(await prisma.callRecord.count({ where: { externalId: "too-old" } })).toBe(0);
  });
});
