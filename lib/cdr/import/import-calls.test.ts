import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { callLine, recordFile } from "@/lib/testing/record-csv";
import { createTestDatabase } from "@/lib/testing/test-database";
import { CALL_COLUMNS, type CallColumn } from "./call-row";
import { createImportRow } from "./create-import";
import { runCallImport } from "./import-calls";

const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 3 });
afterAll(() => pool.end());

let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  tenant = await makeTenant(prisma);
  other = await makeTenant(prisma);
});

const call = (id: string, fields: Partial<Record<CallColumn, string>> = {}) => callLine(id, tenant.pbx.serial, fields);
const csv = (...lines: string[]) => recordFile(CALL_COLUMNS, lines);

async function importCsv(lines: string[], options: { pbxId?: string; batchRows?: number } = {}) {
  const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "test.csv", pbxId: options.pbxId });
  const outcome = await runCallImport(pool, id, csv(...lines), { batchRows: options.batchRows });
  return { id, outcome };
}

describe("CDR import", () => {
  it("stores the good rows and refuses the bad ones, each with its reasons", async () => {
    const { id, outcome } = await importCsv([
      call("ok-1"),
      call("ok-2", { direction: "in", from: "+4989123456", to: "+4930901820", extension: "" }),
      call("bad-e164", { to: "+49123" }),
      call("too-long", { duration: "14401" }),
      call("early", { answered_at: "2026-10-05T08:59:00Z" }),
      call("no-ext", { extension: "" }),
      call("", {}),
      call("ghost", { pbx: "CS-NOPE" }),
      call("ok-1"),
    ]);
    expect(outcome).toMatchObject({ rowsRead: 9, rowsStored: 2, rowsRefused: 6, rowsDuplicate: 1, committedLine: 10 });
    expect(outcome.report).toEqual({
      "to is not a valid E.164 number": 1,
      "duration over four hours": 1,
      "answered before it started": 1,
      "missing extension for an outgoing call": 1,
      "missing call_id": 1,
      "unknown PBX": 1,
      "duplicate call id": 1,
    });
    const refused = await prisma.cdrImportRefusal.findMany({ where: { importId: id }, orderBy: { line: "asc" } });
    expect(refused.map((r) => [r.line, r.reasons])).toEqual([
      [4, "to is not a valid E.164 number"],
      [5, "duration over four hours"],
      [6, "answered before it started"],
      [7, "missing extension for an outgoing call"],
      [8, "missing call_id"],
      [9, "unknown PBX"],
      [10, "duplicate call id"],
    ]);
    expect(refused[0].raw).toContain("+49123");
    const stored = await prisma.callRecord.findMany({
      where: { pbxId: tenant.pbx.id },
      orderBy: { externalId: "asc" },
    });
    expect(stored.map((c) => [c.externalId, c.direction, c.extension, c.didE164, c.partnerId])).toEqual([
      ["ok-1", "OUTBOUND", "101", null, tenant.partner.id],
      ["ok-2", "INBOUND", null, "+4930901820", tenant.partner.id],
    ]);
    // Stored unpriced: rating gives each its cost or its reason, and nothing reads 0 before it has.
    expect(stored.map((c) => [c.cost, c.ratedAt])).toEqual([
      [null, null],
      [null, null],
    ]);
    const job = await prisma.cdrImport.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "DONE", rowsStored: 2, rowsRefused: 6, rowsDuplicate: 1 });
  });

  it("counts ringing in R14's four hours: answered after a minute, four hours of talk is refused", async () => {
    const { id, outcome } = await importCsv([
      call("rang-then-four-hours", {
        started_at: "2026-10-05T10:00:00Z",
        answered_at: "2026-10-05T10:01:00Z",
        duration: "14400",
      }),
      call("exactly-four-hours", {
        started_at: "2026-10-05T10:00:00Z",
        answered_at: "2026-10-05T10:01:00Z",
        duration: "14340",
      }),
    ]);
    expect(outcome).toMatchObject({ rowsStored: 1, rowsRefused: 1 });
    const refused = await prisma.cdrImportRefusal.findMany({ where: { importId: id } });
    expect(refused.map((r) => [r.line, r.reasons])).toEqual([
      [2, "longer than four hours from start to hang-up, ringing included"],
    ]);
  });

  it("adds nothing when the same file is imported again", async () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      call(`again-${i}`, { started_at: `2026-09-0${1 + (i % 9)}T10:00:00Z`, answered_at: "" }),
    );
    const first = await importCsv(lines, { batchRows: 7 });
    expect(first.outcome.rowsStored).toBe(50);
    const before = await prisma.callRecord.count();
    const second = await importCsv(lines, { batchRows: 7 });
    expect(second.outcome).toMatchObject({ rowsRead: 50, rowsStored: 0, rowsDuplicate: 50 });
    expect(await prisma.callRecord.count()).toBe(before);
  });

  it("lets an API key's import carry only its own PBX's calls", async () => {
    const { outcome } = await importCsv([call("mine"), call("theirs", { pbx: other.pbx.serial })], {
      pbxId: tenant.pbx.id,
    });
    expect(outcome).toMatchObject({ rowsStored: 1, rowsRefused: 1, report: { "PBX not covered by this API key": 1 } });
    expect(await prisma.callRecord.count({ where: { pbxId: other.pbx.id } })).toBe(0);
  });

  it("puts each month's calls in that month's partition", async () => {
    await importCsv([call("partitioned", { started_at: "2031-02-03T04:05:06Z", answered_at: "" })]);
    const { rows } = await pool.query(
      `SELECT tableoid::regclass::text AS part FROM "CallRecord" WHERE "externalId" = 'partitioned'`,
    );
    expect(rows[0].part).toBe('cdr_partitions."CallRecord_2031_02"');
  });

  it("checks every row in SQL: each refusal reason, all of a row's reasons, good rows beside bad ones", async () => {
    const { id, outcome } = await importCsv([
      call("good-out"),
      call("", { pbx: "", from: "", duration: "" }),
      call("x".repeat(129)),
      call("bad-direction", { direction: "sideways" }),
      call("bad-from", { from: "+0930901820" }),
      call("unassigned-range", { to: "+4900000000" }),
      call("bad-did", { did: "+12" }),
      call("feb-30", { started_at: "2026-02-30T10:00:00Z", answered_at: "" }),
      call("words", { started_at: "yesterday", answered_at: "" }),
      call("bad-answer", { answered_at: "2026-10-05T09:00" + ":07+2" }),
      call("fraction", { duration: "95.5" }),
      call("bad-disposition", { disposition: "hung up" }),
      call("busy-talk", { disposition: "busy", answered_at: "" }),
      call("bad-source", {
        direction: "in",
        from: "+4989123456",
        to: "+4930901820",
        extension: "",
        freephone_source: "satellite",
      }),
      call("out-source", { freephone_source: "mobile" }),
      call("two-reasons", { to: "+49123", duration: "14401" }),
      call("good-in", {
        direction: "inbound",
        from: "+4989123456",
        to: "+4930901820",
        extension: "",
        freephone_source: "Fixed",
      }),
    ]);
    const refused = await prisma.cdrImportRefusal.findMany({ where: { importId: id }, orderBy: { line: "asc" } });
    expect(refused.map((r) => [r.line, r.reasons])).toEqual([
      [3, "missing call_id; missing pbx; missing from; missing duration"],
      [4, "call_id longer than 128 characters"],
      [5, "direction is not in or out"],
      [6, "from is not a valid E.164 number"],
      [7, "to is not a valid E.164 number"],
      [8, "did is not a valid E.164 number"],
      [9, "started_at is not an ISO 8601 date and time"],
      [10, "started_at is not an ISO 8601 date and time"],
      [11, "answered_at is not an ISO 8601 date and time"],
      [12, "duration is not a whole number of seconds"],
      [13, "disposition is not answered, busy, no_answer or failed"],
      [14, "talk time on a call that was not answered"],
      [15, "freephone_source is not fixed, mobile or payphone"],
      [16, "freephone_source on an outgoing call"],
      [17, "to is not a valid E.164 number; duration over four hours"],
    ]);
    expect(outcome).toMatchObject({ rowsRead: 17, rowsStored: 2, rowsRefused: 15, rowsDuplicate: 0 });
    expect(outcome.report).toMatchObject({
      "to is not a valid E.164 number": 2,
      "duration over four hours": 1,
      "missing call_id": 1,
    });
    const stored = await prisma.callRecord.findMany({
      where: { externalId: { in: ["good-out", "good-in"] } },
      orderBy: { externalId: "asc" },
    });
    expect(stored.map((c) => [c.externalId, c.direction, c.didE164, c.freephoneSource])).toEqual([
      ["good-in", "INBOUND", "+4930901820", "FIXED"],
      ["good-out", "OUTBOUND", null, null],
    ]);
  });

  it("reads CSV as csv-parse did: any column order, quotes, spaces, CRLF, a BOM, blank lines, short lines", async () => {
    const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "quirks.csv" });
    const serial = tenant.pbx.serial;
    const file =
      [
        "\uFEFFpbx, call_id ,direction,from,to,extension,started_at,answered_at,duration,disposition,note",
        `${serial},"quoted,id",out,+4930901820,+4989123456,101,2026-10-06T09:00:00Z,,0,no_answer,"a ""note"""`,
        `${serial} , spaced , out , +4930901820 , +4989123456 , 101 , 2026-10-06 10:00 , , 0 , busy , x`,
        "",
        `${serial},zoned,out,+4930901820,+4989123456,101,2026-10-06T12:00:00.123456+02:00,,0,failed`,
        `${serial},short,out`,
      ].join("\r\n") + "\r\n";
    const outcome = await runCallImport(pool, id, Readable.from([file]));
    expect(outcome).toMatchObject({ rowsRead: 4, rowsStored: 3, rowsRefused: 1, rowsDuplicate: 0, committedLine: 6 });
    const refused = await prisma.cdrImportRefusal.findMany({ where: { importId: id } });
    expect(refused.map((r) => [r.line, r.reasons, r.raw])).toEqual([
      [6, "missing from; missing to; missing started_at; missing duration; missing disposition", `${serial},short,out`],
    ]);
    const stored = await prisma.callRecord.findMany({
      where: { externalId: { in: ["quoted,id", "spaced", "zoned"] } },
      orderBy: { startedAt: "asc" },
    });
    expect(stored.map((c) => [c.externalId, c.startedAt.toISOString()])).toEqual([
      ["quoted,id", "2026-10-06T09:00:00.000Z"],
      ["spaced", "2026-10-06T10:00:00.000Z"],
      ["zoned", "2026-10-06T10:00:00.123Z"],
    ]);
  });

  it("refuses again, and stores nothing again, when a file with bad rows is imported twice", async () => {
    const lines = [call("twice-ok"), call("twice-bad", { duration: "99999" }), call("twice-ghost", { pbx: "CS-NOPE" })];
    const first = await importCsv(lines);
    expect(first.outcome).toMatchObject({ rowsStored: 1, rowsRefused: 2, rowsDuplicate: 0 });
    const second = await importCsv(lines);
    expect(second.outcome).toMatchObject({
      rowsStored: 0,
      rowsRefused: 2,
      rowsDuplicate: 1,
      report: { "duplicate call id": 1, "unknown PBX": 1, "duration over four hours": 1 },
    });
    expect(await prisma.callRecord.count({ where: { externalId: { startsWith: "twice-" } } })).toBe(1);
  });

  it("fails an import whose header lacks required columns", async () => {
    const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "bad.csv" });
    await expect(runCallImport(pool, id, Readable.from(["call_id,pbx\nx,y\n"]))).rejects.toThrow(
      /lacks the columns direction/,
    );
  });
});
