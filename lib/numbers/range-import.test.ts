import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actorOf, makeCountry, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { commitRangeImport, previewRangeImport, type RangeRow } from "./range-import";

const { prisma } = await createTestDatabase();
const { a, admin } = await makeTwoTenants(prisma);
await makeCountry(prisma, { code: "GB", name: "United Kingdom" });
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("range import", () => {
  it("refuses bad rows one by one with the reason, and commits the rest in one go", async () => {
    const csv = [
      "Country,Type,Area,First,Last",
      "DE,GEOGRAPHIC,Berlin,+493099990000,+493099990099",
      "DE,GEOGRAPHIC,Berlin,4930999,+4930999",
      "DE,GEOGRAPHIC,Berlin,+493099990050,+493099990149",
      "GB,GEOGRAPHIC,London,+493099991000,+493099991009",
      "XX,MOBILE,,+15555550100,+15555550199",
      "DE,PAGER,,+493099992000,+493099992009",
    ].join("\n");
    const preview = await previewRangeImport(prisma, admin, { name: "ranges.csv", bytes: bytes(csv) });
    const report = (await prisma.numberRangeImport.findUniqueOrThrow({ where: { id: preview.id } }))
      .report as unknown as RangeRow[];
    const errors = Object.fromEntries(report.map((r) => [r.row, r.error ?? "ok"]));
    expect(errors[2]).toBe("ok");
    expect(errors[3]).toBe("First number “4930999” is not in E.164 (+ then digits).");
    expect(errors[4]).toBe("Overlaps row 2 of this file.");
    expect(errors[5]).toBe("First number +493099991000 is not a number of GB.");
    expect(errors[6]).toBe("“XX” is not a country of the catalogue.");
    expect(errors[7]).toBe("Type must be one of GEOGRAPHIC, MOBILE, FREEPHONE.");
    expect(await prisma.phoneNumber.count({ where: { e164: { startsWith: "+49309999" } } })).toBe(0);

    const accepted = report.filter((r) => !r.error).length;
    const committed = await commitRangeImport(prisma, admin, { importId: preview.id });
    expect(committed.ranges).toBe(accepted);
    expect(await prisma.phoneNumber.count({ where: { e164: { gte: "+493099990000", lte: "+493099990099" } } })).toBe(
      100,
    );
    await expect(commitRangeImport(prisma, admin, { importId: preview.id })).rejects.toThrow(AppError);

    // The same range again is an overlap with the inventory.
    const again = await previewRangeImport(prisma, admin, {
      name: "again.csv",
      bytes: bytes("Country,Type,Area,First,Last\nDE,GEOGRAPHIC,Berlin,+493099990010,+493099990019\n"),
    });
    const againReport = (await prisma.numberRangeImport.findUniqueOrThrow({ where: { id: again.id } }))
      .report as unknown as RangeRow[];
    expect(againReport[0].error).toBe("Overlaps the range +493099990000 – +493099990099 already in the inventory.");
  });

  it("reads Excel files and refuses other files and partners", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ranges");
    sheet.addRow(["Country", "Type", "Area", "First", "Last"]);
    sheet.addRow(["DE", "GEOGRAPHIC", "Hamburg", "+494099990000", "+494099990009"]);
    const xlsx = (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
    const preview = await previewRangeImport(prisma, admin, { name: "ranges.xlsx", bytes: xlsx });
    expect((await prisma.numberRangeImport.findUniqueOrThrow({ where: { id: preview.id } })).acceptedCount).toBe(1);
    await expect(previewRangeImport(prisma, admin, { name: "ranges.txt", bytes: bytes("x") })).rejects.toThrow(
      /\.csv or \.xlsx/,
    );
    await expect(previewRangeImport(prisma, a.partnerActor, { name: "ranges.csv", bytes: bytes("x") })).rejects.toThrow(
      /access/,
    );
    await expect(
      commitRangeImport(prisma, actorOf(await prisma.user.findFirstOrThrow({ where: { role: "END_USER" } })), {
        importId: preview.id,
      }),
    ).rejects.toThrow(/access/);
  });
});
