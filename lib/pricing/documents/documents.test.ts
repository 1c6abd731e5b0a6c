import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNTRIES } from "@/lib/db/seed/countries";
import { makeTwoTenants, seedPricing } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { catalogueInForce, type Catalogue } from "../catalogue";
import { priceListDocument } from "../price-list-document";
import { readPriceListWorkbook } from "../import/read-workbook";
import { diffPricePoints, pricePoints } from "../price-changes";
import { formatPrice, priceListSections } from "./sections";

const run = promisify(execFile);
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-23T10:00:00Z");
let dir: string;
let tenants: Awaited<ReturnType<typeof makeTwoTenants>>;
let gold: Catalogue;

beforeAll(async () => {
  await seedPricing(prisma);
  tenants = await makeTwoTenants(prisma); // partners at GOLD
  gold = (await catalogueInForce(prisma, tenants.a.partnerActor, "GOLD", NOW)).catalogue!;
  dir = await mkdtemp(path.join(os.tmpdir(), "price-list-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function download(format: "pdf" | "xlsx", tier = "GOLD") {
  const document = await priceListDocument(prisma, tenants.a.partnerActor, tier, format, NOW);
  const file = path.join(dir, document.fileName);
  await writeFile(file, await buffer(document.stream));
  return { ...document, file };
}

describe("the PDF price list", () => {
  it("names tier, version date and format, and carries every country and every price, row by row", async () => {
    const { file, fileName, contentType } = await download("pdf");
    expect({ fileName, contentType }).toEqual({
      fileName: "CLASSOUND-price-list-Gold-2024-01-01.pdf",
      contentType: "application/pdf",
    });
    const { stdout: text } = await run("pdftotext", ["-layout", file, "-"]);
    const lines = text.split("\n");
    const hasRow = (...parts: string[]) => lines.some((line) => parts.every((part) => line.includes(part)));

    expect(text).toContain("Contents");
    expect(text).toMatch(/Page 3 of \d+/);
    for (const d of gold.destinations) expect(hasRow(d.country, d.prefix), d.country).toBe(true);
    for (const n of gold.numbers)
      expect(hasRow(n.country, formatPrice(n.setupFee, "fee"), formatPrice(n.monthlyFee, "fee")), n.country).toBe(true);
    for (const f of gold.freephone)
      expect(hasRow(f.country, formatPrice(f.monthlyFee, "fee"), formatPrice(f.payphone!, "rate")), f.country).toBe(
        true,
      );
    for (const b of gold.flatFeeBands) expect(hasRow(b.sku, formatPrice(b.pricePerUser, "fee")), b.sku).toBe(true);
    for (const a of gold.areaRates) expect(hasRow(`Area ${a.area}`, formatPrice(a.perMinute, "rate"))).toBe(true);
    expect(hasRow("SMS beyond", formatPrice(gold.smsRate, "rate"))).toBe(true);
    // Inter has every glyph: names outside WinAnsi come back intact.
    expect(text).toContain("Réunion");
    expect(text).toContain("Türkiye");
  });
});

describe("the Excel price list", () => {
  it("has one sheet per section with a frozen, filtered header, numbers in currency formats and the SKU in its own column", async () => {
    const { file, fileName } = await download("xlsx");
    expect(fileName).toBe("CLASSOUND-price-list-Gold-2024-01-01.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Overview",
      "Monthly flat fee",
      "Call termination",
      "Countries and prefixes by area",
      "Numbers (DIDs)",
      "FreePhone numbers",
    ]);

    const flat = workbook.getWorksheet("Monthly flat fee")!;
    expect(flat.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(flat.getRow(1).getCell(1).value).toBe("SKU");
    expect(flat.getRow(2).getCell(1).value).toBe("CLASSOUND-FLAT-1m");
    const price = flat.getRow(2).getCell(4);
    expect(typeof price.value).toBe("number");
    expect(price.value).toBe(gold.flatFeeBands[0].pricePerUser.toNumber());
    expect(price.numFmt).toBe('"€"#,##0.00');

    const numbers = workbook.getWorksheet("Numbers (DIDs)")!;
    expect(numbers.rowCount).toBe(gold.numbers.length + 1);
    gold.numbers.forEach((n, i) => {
      const row = numbers.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value]).toEqual([
        n.country,
        n.setupFee.toNumber(),
        n.monthlyFee.toNumber(),
      ]);
    });
    const areas = workbook.getWorksheet("Countries and prefixes by area")!;
    expect(areas.rowCount).toBe(COUNTRIES.length + 1);
    expect(numbers.getColumn(1).width).toBeGreaterThanOrEqual(Math.max(...gold.numbers.map((n) => n.country.length)));
    const rates = workbook.getWorksheet("FreePhone numbers")!;
    expect(rates.getRow(2).getCell(6).numFmt).toBe('"€"#,##0.00000');
  });

  it("opens in LibreOffice as a spreadsheet with numeric prices", async () => {
    const { file } = await download("xlsx");
    const out = path.join(dir, "lo");
    // LibreOffice exports the first sheet only to CSV; a numeric cell comes out unquoted at full precision.
    await run(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        out,
        file,
      ],
      { timeout: 120_000 },
    );
    const sheets = await Promise.all(
      ["Monthly flat fee", "Numbers (DIDs)"].map((name) =>
        readFile(path.join(out, `${path.basename(file, ".xlsx")}-${name}.csv`), "utf8"),
      ),
    );
    expect(sheets[0]).toContain(`CLASSOUND-FLAT-1m,1–5,`);
    const germany = sheets[1].split("\n").find((line) => line.startsWith("Germany,Geographic"))!;
    const de = gold.numbers.find((n) => n.countryCode === "DE" && n.type === "GEOGRAPHIC")!;
    expect(germany.split(",").slice(2).map(Number)).toEqual([de.setupFee.toNumber(), de.monthlyFee.toNumber()]);
  }, 180_000);
});

describe("who gets which price list", () => {
  it("gives a Gold partner End User and Gold, never Silver; an admin any tier", async () => {
    await expect(priceListDocument(prisma, tenants.a.partnerActor, "END_USER", "pdf", NOW)).resolves.toMatchObject({
      fileName: expect.stringContaining("End-User"),
    });
    await expect(priceListDocument(prisma, tenants.a.partnerActor, "SILVER", "pdf", NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(priceListDocument(prisma, tenants.a.partnerActor, "NOPE", "xlsx", NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(priceListDocument(prisma, tenants.a.endUserActor, "END_USER", "pdf", NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(priceListDocument(prisma, tenants.admin, "SILVER", "xlsx", NOW)).resolves.toMatchObject({
      fileName: expect.stringContaining("Silver"),
    });
  });
});

describe("an edited workbook read back", () => {
  it("reads an untouched export with no error and no change", async () => {
    const { file } = await download("xlsx");
    const sections = priceListSections(gold);
    const read = await readPriceListWorkbook(await readFile(file), sections, new Set(COUNTRIES.map((c) => c.name)));
    expect(read.errors).toEqual([]);
    expect(diffPricePoints(pricePoints(sections), pricePoints(read.sections))).toEqual([]);
  });

  it("reports each bad cell by its address and shows the price that changed", async () => {
    const { file } = await download("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const numbers = workbook.getWorksheet("Numbers (DIDs)")!;
    numbers.getCell("C2").value = -1;
    numbers.getCell("D3").value = "cheap";
    numbers.getCell("A4").value = "Atlantis";
    workbook.getWorksheet("Monthly flat fee")!.getCell("D2").value = 11.5;
    workbook.getWorksheet("Monthly flat fee")!.spliceRows(7, 1);
    const sections = priceListSections(gold);
    const read = await readPriceListWorkbook(
      await workbook.xlsx.writeBuffer(),
      sections,
      new Set(COUNTRIES.map((c) => c.name)),
    );
    expect(read.errors).toEqual([
      { sheet: "Monthly flat fee", cell: "A7", message: "A flat-fee band is missing: 6 expected, 5 found." },
      { sheet: "Numbers (DIDs)", cell: "C2", message: "A price cannot be negative." },
      { sheet: "Numbers (DIDs)", cell: "D3", message: "“cheap” is not a number." },
      { sheet: "Numbers (DIDs)", cell: "A4", message: "“Atlantis” is not a country of the catalogue." },
    ]);
    const changes = diffPricePoints(pricePoints(sections), pricePoints(read.sections));
    expect(changes).toContainEqual({
      kind: "rose",
      point: expect.objectContaining({
        section: "Monthly flat fee",
        item: expect.stringContaining("CLASSOUND-FLAT-1m · 1–5"),
        price: expect.anything(),
      }),
      before: gold.flatFeeBands[0].pricePerUser,
    });
    expect(changes.filter((c) => c.kind === "disappeared").map((c) => c.point.item)).toContain(
      "CLASSOUND-FLAT-1m-251PLUS · 251+ · Flat CLASSOUND 3000 min per user for 1 month (Users 251+)",
    );
  });
});
