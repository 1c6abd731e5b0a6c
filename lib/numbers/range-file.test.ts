import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { hostileWorkbooks, sheetXml, workbookWithSheet } from "@/lib/testing/hostile-xlsx";
import { createTestDatabase } from "@/lib/testing/test-database";
import { previewRangeImport, RANGE_SHEET_LIMITS, readRangeFile, type RangeRow } from "./range-import";

const { prisma } = await createTestDatabase();
const { admin } = await makeTwoTenants(prisma);
const HEADER = ["Country", "Type", "Area", "First", "Last"];
const asArrayBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

// The event loop's longest stall while a file is read: a 10 ms tick that cannot run is a request of
// another user that waits. Watched from when the file is made (making a zip bomb takes a while).
let stop = () => {};
function watchEventLoop() {
  const ticks = [performance.now()];
  const ticker = setInterval(() => ticks.push(performance.now()), 10);
  stop = () => clearInterval(ticker);
  return () => Math.max(...[...ticks, performance.now()].map((t, i, all) => (i ? t - all[i - 1]! : 0)));
}
afterEach(() => stop());

const hostileFiles: [string, string, () => ArrayBuffer, RegExp][] = [
  ["random bytes", "ranges.xlsx", () => asArrayBuffer(randomBytes(4096)), /not a readable \.xlsx workbook/],
  ["a sheet whose XML is cut off", "ranges.xlsx", hostileWorkbooks.brokenXml, /cannot be read/],
  ["an entity bomb (billion laughs)", "ranges.xlsx", hostileWorkbooks.entityBomb, /declares XML entities/],
  ["one cell at XFD1048576 (1.5 KB)", "ranges.xlsx", hostileWorkbooks.lastCell, /reaches A1:XFD1048576|XFD1048576/],
  [
    "a sheet that unpacks a thousandfold (zip bomb)",
    "ranges.xlsx",
    () => workbookWithSheet(sheetXml([HEADER], " ".repeat(30 * 1024 * 1024))),
    /unpacks to more than 20 MB/,
  ],
  ["a 3 MB file", "ranges.csv", () => asArrayBuffer(Buffer.alloc(3 * 1024 * 1024, "a")), /at most 2 MB/],
];

describe("number import: hostile files get a clear 4xx answer, fast, and never stall the server", () => {
  it.each(hostileFiles)("%s", async (_, name, make, message) => {
    const bytes = make();
    const longestStall = watchEventLoop();
    const started = performance.now();
    const refusal = await previewRangeImport(prisma, admin, { name, bytes }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toMatch(/^(INVALID|TOO_LARGE)$/);
    expect((refusal as AppError).message).toMatch(message);
    // Within the time limit (a worker starts, loads exceljs for a file that passed the inspection,
    // and may wait for a busy CPU), where the last cell alone took 26 s of the event loop before.
    expect(performance.now() - started).toBeLessThan(RANGE_SHEET_LIMITS.timeLimitMs);
    expect(longestStall()).toBeLessThan(250);
  });

  it("reads a good workbook in the worker, without stalling the event loop either", async () => {
    const rows = [HEADER, ...Array.from({ length: 3000 }, (_, i) => ["DE", "GEOGRAPHIC", "Berlin", `+4930${i}`, "x"])];
    const bytes = workbookWithSheet(sheetXml(rows));
    const longestStall = watchEventLoop();
    const table = await readRangeFile("ranges.xlsx", bytes);
    expect(table).toHaveLength(3000);
    expect(table[2999]).toMatchObject({ row: 3001, countryCode: "DE", areaName: "Berlin", firstE164: "+49302999" });
    expect(longestStall()).toBeLessThan(250);
  });

  it("stops a workbook that takes longer than the time limit", async () => {
    const rows = [HEADER, ...Array.from({ length: 3000 }, () => ["DE", "GEOGRAPHIC", "Berlin", "+4930", "+4930"])];
    await expect(
      readRangeFile("ranges.xlsx", workbookWithSheet(sheetXml(rows)), { ...RANGE_SHEET_LIMITS, timeLimitMs: 50 }),
    ).rejects.toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/took longer than 0.05 s/) });
  });

  it("refuses a row holding a NUL byte with the reason, and keeps the report", async () => {
    const csv = "Country,Type,Area,First,Last\nDE,GEOGRAPHIC,Ber\u0000lin,+493099970000,+493099970009\n";
    const preview = await previewRangeImport(prisma, admin, {
      name: "ranges\u0000.csv",
      bytes: asArrayBuffer(new TextEncoder().encode(csv)),
    });
    const stored = await prisma.numberRangeImport.findUniqueOrThrow({ where: { id: preview.id } });
    expect(stored.fileName).toBe("ranges.csv");
    expect((stored.report as unknown as RangeRow[])[0]).toMatchObject({
      areaName: "Berlin",
      error: expect.stringMatching(/control characters/),
    });
  });
});
