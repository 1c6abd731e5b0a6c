import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { importPostedRecords } from "@/lib/cdr/import/pbx-post";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { makeCountry, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makeAreaOnePriceList } from "@/lib/testing/price-lists";
import { recordFile, recordLine } from "@/lib/testing/record-csv";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runSmsImport } from "./import-sms";
import { SMS_COLUMNS, type SmsColumn } from "./sms-row";

const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 3 });
afterAll(() => pool.end());

let tenant: Tenant;
beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  tenant = await makeTenant(prisma); // tier GOLD
  await makeAreaOnePriceList(prisma, "GOLD", "0.01200");
  await makeAreaOnePriceList(prisma, END_USER_TIER_CODE, "0.02000");
});

const sms = (id: string, fields: Partial<Record<SmsColumn, string>> = {}) =>
  recordLine(
    SMS_COLUMNS,
    {
      message_id: id,
      pbx: tenant.pbx.serial,
      direction: "out",
      from: "+4930901820",
      to: "+4915112345678",
      extension: "100",
      sent_at: "2026-10-05T09:00:00Z",
      segments: "1",
      sender_name: "",
    },
    fields,
  );

async function importCsv(lines: string[]) {
  const { id } = await createImportRow(prisma, { source: "COMMAND", kind: "SMS", fileName: "sms.csv" });
  return { id, outcome: await runSmsImport(pool, id, recordFile(SMS_COLUMNS, lines)) };
}

describe("SMS import", () => {
  it("stores the good rows and reports each refused one with its line and reasons", async () => {
    const { id, outcome } = await importCsv([
      sms("ok-1"),
      sms("ok-2", { direction: "in", from: "+4915112345678", to: "+4930901820", extension: "", segments: "" }),
      sms("ok-3", { sender_name: "Brauhaus", segments: "3" }),
      sms("bad-to", { to: "+49123" }),
      sms("no-ext", { extension: "" }),
      sms("bad-time", { sent_at: "yesterday" }),
      sms("eleven", { segments: "11" }),
      sms("zero", { segments: "0" }),
      sms("odd-name", { sender_name: "Ölwerk GmbH & Co" }),
      sms("sideways", { direction: "up" }),
      sms("ghost", { pbx: "CS-NOPE" }),
      sms("ok-1"),
    ]);
    expect(outcome).toMatchObject({ rowsRead: 12, rowsStored: 3, rowsRefused: 8, rowsDuplicate: 1 });
    expect(outcome.months).toEqual(["2026-10-01"]);
    const refused = await prisma.cdrImportRefusal.findMany({ where: { importId: id }, orderBy: { line: "asc" } });
    expect(refused.map((r) => [r.line, r.reasons])).toEqual([
      [5, "to is not a valid E.164 number"],
      [6, "missing extension for a sent SMS"],
      [7, "sent_at is not an ISO 8601 date and time"],
      [8, "segments is not a whole number from 1 to 10"],
      [9, "segments is not a whole number from 1 to 10"],
      [10, "sender_name is not a valid sender name (at most 10 symbols of the SMS set)"],
      [11, "direction is not in or out"],
      [12, "unknown PBX"],
      [13, "duplicate message id"],
    ]);
    const stored = await prisma.smsRecord.findMany({ where: { pbxId: tenant.pbx.id }, orderBy: { externalId: "asc" } });
    expect(stored.map((s) => [s.externalId, s.direction, s.extension, s.segments, s.senderName, s.cost])).toEqual([
      ["ok-1", "OUTBOUND", "100", 1, null, null],
      ["ok-2", "INBOUND", null, 1, null, null],
      ["ok-3", "OUTBOUND", "100", 3, "Brauhaus", null],
    ]);
  });

  it("adds nothing when the same file is imported again", async () => {
    const before = await prisma.smsRecord.count();
    const { outcome } = await importCsv([sms("ok-1"), sms("ok-3", { sender_name: "Brauhaus", segments: "3" })]);
    expect(outcome).toMatchObject({ rowsRead: 2, rowsStored: 0, rowsDuplicate: 2, rowsRefused: 0 });
    expect(await prisma.smsRecord.count()).toBe(before);
  });

  it("counts the partner's local month: a message sent 23:30 UTC on 31 October is November's in Berlin", async () => {
    const { outcome } = await importCsv([sms("late", { sent_at: "2026-10-31T23:30:00Z" })]);
    expect(outcome.months).toEqual(["2026-11-01"]);
  });
});

describe("SMS posted by a PBX", () => {
  const pbx = () => ({ id: tenant.pbx.id, serial: tenant.pbx.serial });
  const record = (id: string) =>
    Object.fromEntries(
      sms(id)
        .split(",")
        .map((v, i) => [SMS_COLUMNS[i], v]),
    );
  const post = (body: string, contentType = "application/json") =>
    importPostedRecords(prisma, pool, "SMS", pbx(), body, contentType);

  it("stores JSON records and answers with the refused ones", async () => {
    const report = await post(JSON.stringify({ messages: [record("api-1"), { ...record("api-2"), to: "+1" }] }));
    expect(report).toMatchObject({ rowsStored: 1, rowsRefused: 1, refused: [{ line: 3 }] });
  });

  it("refuses a body it cannot read as a bad request, storing nothing", async () => {
    const before = await prisma.smsRecord.count();
    await expect(post("{not json")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(post(JSON.stringify({ calls: [record("api-3")] }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(post("message_id,pbx\nx,y", "text/csv")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A control character on the last line: the lines before it are not stored either (one batch per post).
    const csv = [SMS_COLUMNS.join(","), sms("api-4"), sms("api-5"), `${sms("api-6")}\u0001`].join("\n");
    await expect(post(csv, "text/csv")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await prisma.smsRecord.count()).toBe(before);
  });

  it("refuses another PBX's records", async () => {
    const other = await makeTenant(prisma);
    const report = await post(JSON.stringify([{ ...record("foreign"), pbx: other.pbx.serial }]));
    expect(report).toMatchObject({ rowsStored: 0, refused: [{ line: 2, reasons: "PBX not covered by this API key" }] });
  });
});

describe("SMS rating after an import (R15)", () => {
  it("charges a user's sent messages past the 200th at the Area 1 rate; received ones are free", async () => {
    const owner = await makeTenant(prisma);
    const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 8) + i * 60_000).toISOString();
    const lines = [
      ...Array.from({ length: 205 }, (_, i) => sms(`m${i}`, { pbx: owner.pbx.serial, sent_at: at(i), segments: "2" })),
      ...Array.from({ length: 30 }, (_, i) =>
        sms(`r${i}`, {
          pbx: owner.pbx.serial,
          direction: "in",
          from: "+4915112345678",
          to: "+4930901820",
          sent_at: at(i),
        }),
      ),
      sms("colleague", { pbx: owner.pbx.serial, extension: "101", sent_at: at(300) }),
    ];
    const { outcome } = await importCsv(lines);
    expect(outcome.rowsStored).toBe(236);
    await rateArrivals(prisma, outcome.months, [owner.pbx.id], new Date());
    const rows = await prisma.smsRecord.findMany({ where: { pbxId: owner.pbx.id }, orderBy: { sentAt: "asc" } });
    const charged = rows.filter((r) => r.cost !== null && r.cost.gt(0));
    // Messages, not segments: 205 two-segment messages are 5 past the 200, not 210.
    expect(charged.map((r) => r.externalId)).toEqual(["m200", "m201", "m202", "m203", "m204"]);
    expect(charged.map((r) => r.cost!.toFixed(5))).toEqual(Array(5).fill("0.01200"));
    expect(charged.map((r) => r.endUserCost!.toFixed(5))).toEqual(Array(5).fill("0.02000"));
    expect(rows.every((r) => r.ratedAt !== null)).toBe(true);
  });
});
