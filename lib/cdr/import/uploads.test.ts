import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "@/lib/jobs/definition";
import { storedCall } from "@/lib/testing/calls";
import { actorOf, makeTenant, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.CLASSOUND_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "cdr-uploads-"));
const { cdrImportDetail, listCdrImports, refusedRowsCsv, startUploadImport } = await import("./uploads");
const { cdrDayRankingsJob, cdrImportJob, cdrPartitionsJob, cdrRankingsJob, cdrRateJob, cdrRollupsJob } =
  await import("@/lib/jobs/cdr-jobs");
const { cdrPool } = await import("./pool");
afterAll(() => cdrPool().end());

let tenant: Tenant;
beforeAll(async () => {
  tenant = await makeTenant(prisma);
});
const enqueued: string[] = [];
const context = (): JobContext => ({
  db: prisma,
  sendMail: null,
  now: () => new Date("2026-11-23T12:00:00Z"),
  enqueue: async (name, _data, key) => void enqueued.push(`${name}:${key}`),
});
const file = (lines: string[]) =>
  new TextEncoder().encode(
    ["call_id,pbx,direction,from,to,extension,started_at,answered_at,duration,disposition", ...lines].join("\n"),
  );

describe("CDR uploads", () => {
  it("are for admins only, whatever id is asked for", async () => {
    const admin = actorOf(await makeTenantUser(prisma, "ADMIN", tenant));
    const { id } = await startUploadImport(prisma, admin, { fileName: "calls.csv", bytes: file([]) });
    for (const role of ["PARTNER", "END_USER"] as const) {
      const actor = actorOf(await makeTenantUser(prisma, role, tenant));
      await expect(startUploadImport(prisma, actor, { fileName: "calls.csv", bytes: file([]) })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(listCdrImports(prisma, actor, 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(cdrImportDetail(prisma, actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(refusedRowsCsv(prisma, actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses a file that is not CSV text", async () => {
    const admin = actorOf(await makeTenantUser(prisma, "ADMIN", tenant));
    await expect(startUploadImport(prisma, admin, { fileName: "calls.pdf", bytes: file([]) })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      startUploadImport(prisma, admin, { fileName: "calls.csv", bytes: new Uint8Array([0x50, 0x4b, 0, 0]) }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("run as a job: the same result when the job runs twice, with the refused rows downloadable", async () => {
    const admin = actorOf(await makeTenantUser(prisma, "ADMIN", tenant));
    const { id } = await startUploadImport(prisma, admin, {
      fileName: "october.csv",
      bytes: file([
        `u1,${tenant.pbx.serial},out,+4930901820,+4989123456,100,2026-10-01T08:00:00Z,2026-10-01T08:00:04Z,61,answered`,
        `u2,${tenant.pbx.serial},out,+4930901820,+4989123456,100,2026-10-01T09:00:00Z,,99999,answered`,
        // A formula where a spreadsheet would run it: the admin's download must neutralise it.
        `@SUM(1+1),${tenant.pbx.serial},out,+4930901820,+4989123456,100,2026-10-01T10:00:00Z,,99999,answered`,
      ]),
    });
    await cdrImportJob.run(context(), cdrImportJob.parse({ importId: id }));
    await cdrImportJob.run(context(), cdrImportJob.parse({ importId: id }));
    const detail = await cdrImportDetail(prisma, admin, id);
    expect(detail).toMatchObject({
      status: "DONE",
      rowsRead: 3,
      rowsStored: 1,
      rowsRefused: 2,
    });
    expect(await prisma.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(1);
    const stored = await prisma.callRecord.findFirstOrThrow({ where: { pbxId: tenant.pbx.id } });
    expect(stored.ratedAt).not.toBeNull();
    const { csv, fileName } = await refusedRowsCsv(prisma, admin, id);
    expect(fileName).toBe("october-refused.csv");
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 2)).toEqual([
      `"line","reasons","row"`,
      `"3","duration over four hours","u2,${tenant.pbx.serial},out,+4930901820,+4989123456,100,2026-10-01T09:00:00Z,,99999,answered"`,
    ]);
    expect(lines[2]).toMatch(/^"4","[^"]+","'@SUM\(1\+1\),/);
    expect(lines[3]).toBe("");
    expect((await listCdrImports(prisma, admin, 1)).rows.map((r) => r.id)).toContain(id);

    const rate = cdrRateJob.parse({ months: ["2026-10-01"] });
    await cdrRateJob.run(context(), rate);
    expect(await cdrRateJob.run(context(), rate)).toBe(0);
  });

  it("rate arrivals with their days' roll-ups, twice as once, and leave the rankings to one job per range of days and one per month", async () => {
    const month = "2026-10-01";
    const day = (d: number) => ({ day: new Date(Date.UTC(2026, 9, d)), pbxId: tenant.pbx.id });
    // A figure altered by hand on the 1st: rebuilding the days of an arrival on the 20th leaves it.
    await prisma.callDailyRollup.updateMany({ where: day(1), data: { calls: 1000 } });
    await prisma.callRecord.create({
      data: storedCall(tenant, { externalId: "late", startedAt: new Date("2026-10-20T09:00:00Z") }),
    });
    enqueued.length = 0;
    expect(await cdrRateJob.run(context(), cdrRateJob.parse({ months: [month], pbxIds: [tenant.pbx.id] }))).toBe(1);
    expect(await cdrRateJob.run(context(), cdrRateJob.parse({ months: [month], pbxIds: [tenant.pbx.id] }))).toBe(0);
    const calls = async (d: number) =>
      (await prisma.callDailyRollup.aggregate({ where: day(d), _sum: { calls: true } }))._sum.calls;
    expect(await calls(20)).toBe(1);
    expect(await calls(1)).toBe(1000);
    // Only the first run changed the month: its day's and month's rankings and usage alerts once.
    expect(enqueued).toEqual([
      "cdr-day-rankings:2026-10-20:2026-10-21",
      "cdr-rankings:2026-10",
      "usage-alerts:2026-10",
    ]);
    // The rankings wait for their jobs (the roll-ups' transaction never waits on them), which rank twice as once.
    const ranked = (period: "DAY" | "MONTH", fromDay: Date) =>
      prisma.callNumberTop.findMany({
        where: { period, fromDay, scopeKind: "PBX", pbxId: tenant.pbx.id, allAreas: true },
        select: { number: true, calls: true },
      });
    expect(await ranked("DAY", day(20).day)).toEqual([]);
    expect(await ranked("MONTH", day(1).day)).toEqual([]);
    const days = { fromDay: "2026-10-20", toDayExclusive: "2026-10-21" };
    await cdrDayRankingsJob.run(context(), cdrDayRankingsJob.parse(days));
    await cdrDayRankingsJob.run(context(), cdrDayRankingsJob.parse(days));
    expect(await ranked("DAY", day(20).day)).toEqual([{ number: "+4989123456", calls: 1 }]);
    await cdrRankingsJob.run(context(), cdrRankingsJob.parse({ month }));
    await cdrRankingsJob.run(context(), cdrRankingsJob.parse({ month }));
    expect(await ranked("MONTH", day(1).day)).toEqual([{ number: "+4989123456", calls: 2 }]);

    // A whole month's rebuild (after a re-rate) mends the hand-altered figure, twice as once.
    enqueued.length = 0;
    await cdrRollupsJob.run(context(), cdrRollupsJob.parse({ month }));
    await cdrRollupsJob.run(context(), cdrRollupsJob.parse({ month }));
    expect(await calls(1)).toBe(1);
    expect(new Set(enqueued)).toEqual(new Set(["usage-alerts:2026-10"]));
  });

  it("creates the call table's partitions ahead, twice as once", async () => {
    await cdrPartitionsJob.run(context(), {});
    await cdrPartitionsJob.run(context(), {});
    const parts = await prisma.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"CallRecord"'::regclass ORDER BY 1`;
    expect(parts.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "CallRecord_2026_11",
        "CallRecord_2026_12",
        "CallRecord_2027_01",
        "CallRecord_2027_02",
        "CallRecord_default",
      ]),
    );
  });
});
