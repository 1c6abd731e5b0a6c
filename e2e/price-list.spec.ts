import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import { expect, expectAccessible, PHONE, reviewScreens, reviewShot, test } from "./fixtures";

test("a Gold partner finds a country, downloads the Gold price list as PDF and Excel, and cannot get Silver's", async ({
  signInAs,
}) => {
  const { page } = await signInAs("PARTNER");
  await page.goto("/partner");
  await page.getByRole("link", { name: "Price list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Price list: Gold" })).toBeVisible();
  const types = page.getByRole("navigation", { name: "Price-list type" });
  await expect(types.getByRole("link")).toHaveText(["End User", "Gold"]);
  await expect(page.getByText(/\(R\d+\)/)).toHaveCount(0);

  await page.getByLabel("Find a country or prefix").fill("+49");
  const areas = page.getByRole("region", { name: "Countries and prefixes by area table" });
  await expect(areas.getByRole("row", { name: /Germany/ })).toBeVisible();
  await expect(areas.getByRole("row", { name: /France/ })).toHaveCount(0);
  await reviewScreens(page, "price-list");
  // The downloads, from a phone.
  await page.setViewportSize(PHONE);
  await page.getByLabel("Find a country or prefix").fill("");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^CLASSOUND-price-list-Gold-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Excel" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^CLASSOUND-price-list-Gold-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  expect(workbook.getWorksheet("Monthly flat fee")?.getRow(2).getCell(1).value).toBe("CLASSOUND-FLAT-1m");

  expect((await page.request.get("/api/price-lists/END_USER/pdf")).status()).toBe(200);
  expect((await page.request.get("/api/price-lists/SILVER/pdf")).status()).toBe(404);
  expect((await page.request.get("/api/price-lists/SILVER/xlsx")).status()).toBe(404);
  for (const url of [
    "/api/price-lists/gold/pdf",
    "/api/price-lists/GOLD/docx",
    "/api/price-lists/%00/pdf",
    `/api/price-lists/${"A".repeat(5000)}/pdf`,
    "/api/price-lists/GOLD/pdf%00",
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  expect((await page.goto("/price-list?tier=SILVER"))?.status()).toBe(404);
  expect((await page.goto("/price-list?tier=END_USER"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Price list: End User" })).toBeVisible();
});

test("an end user gets no price list", async ({ signInAs }) => {
  const { page } = await signInAs("END_USER");
  expect((await page.request.get("/api/price-lists/END_USER/pdf")).status()).toBe(403);
});

/** A tier of this test's own, priced like Gold since last year, so publishing changes no other test's prices. */
async function tierLikeGold(db: Db) {
  const gold = await db.priceList.findFirstOrThrow({
    where: { tier: { code: "GOLD" }, validFrom: { lte: new Date() } },
    orderBy: { validFrom: "desc" },
    include: { flatFeeBands: true, numberPrices: true, freephoneRates: true, areaRates: true },
  });
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const rows = <T extends { id: string; priceListId: string }>(list: T[]) =>
    list.map(
      (row) =>
        Object.fromEntries(Object.entries(row).filter(([key]) => key !== "id" && key !== "priceListId")) as Omit<
          T,
          "id" | "priceListId"
        >,
    );
  const tier = await db.priceListTier.create({
    data: { code: `E2E_${suffix}`, name: `Test tier ${suffix}`, sortOrder: 90 },
  });
  const validFrom = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1));
  await db.priceList.create({
    data: {
      tierId: tier.id,
      name: `CLASSOUND ${tier.name} ${validFrom.getUTCFullYear()}`,
      currency: gold.currency,
      validFrom,
      smsRate: gold.smsRate,
      flatFeeBands: { create: rows(gold.flatFeeBands) },
      numberPrices: { create: rows(gold.numberPrices) },
      freephoneRates: { create: rows(gold.freephoneRates) },
      areaRates: { create: rows(gold.areaRates) },
    },
  });
  return tier;
}

async function germanyMonthly(file: string, set?: ExcelJS.CellValue) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Numbers (DIDs)")!;
  let row = 0;
  sheet.eachRow((r, n) => void (r.getCell(1).value === "Germany" && r.getCell(2).value === "Geographic" && (row = n)));
  const cell = sheet.getCell(`D${row}`);
  if (set !== undefined) {
    cell.value = set;
    await workbook.xlsx.writeFile(file);
  }
  return { address: cell.address, value: cell.value };
}

test("an admin imports an edited workbook with one bad cell, sees it reported, fixes it and publishes a version the next download reflects", async ({
  db,
  signInAs,
}, testInfo) => {
  // Export, two checks, a publish and three downloads: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const tier = await tierLikeGold(db);
  const { page } = await signInAs("ADMIN");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Price-list versions" }).click();
  const versions = page.getByRole("region", { name: `${tier.name} versions` });
  await expect(versions.getByRole("row")).toHaveCount(2);

  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    versions.getByRole("link", { name: /to Excel$/ }).click(),
  ]);
  const file = testInfo.outputPath("edited.xlsx");
  await exported.saveAs(file);
  const { address } = await germanyMonthly(file, "cheap");

  await page.getByLabel("Tier", { exact: true }).selectOption(tier.code);
  await page.getByLabel("Edited workbook (.xlsx)").setInputFiles(file);
  await page.getByRole("button", { name: "Check workbook" }).click();
  await expect(page.getByRole("heading", { name: "1 problem to fix" })).toBeVisible();
  await expect(page.getByRole("row", { name: `Numbers (DIDs) ${address} “cheap” is not a number.` })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publish new/ })).toHaveCount(0);
  await expectAccessible(page);

  await germanyMonthly(file, 0.99);
  await page.getByLabel("Edited workbook (.xlsx)").setInputFiles(file);
  await page.getByRole("button", { name: "Check workbook" }).click();
  await expect(page.getByRole("heading", { name: /^1 price differ/ })).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Fell Numbers \(DIDs\) Germany · Geographic Monthly \(EUR\) .* 0\.99/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await reviewShot(page, "import-preview-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: `Publish new ${tier.name} version` }).click();
  await expect(page.getByText(/published$/).first()).toBeVisible();
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions.getByRole("row").nth(1)).toContainText("In force");
  await reviewShot(page, "versions-1280");

  const download = await page.request.get(`/api/price-lists/${tier.code}/xlsx`);
  expect(download.status()).toBe(200);
  const next = testInfo.outputPath("next.xlsx");
  await writeFile(next, await download.body());
  expect((await germanyMonthly(next)).value).toBe(0.99);

  await page.goto(`/price-list/changes?tier=${tier.code}`);
  await expect(page.getByRole("row", { name: /Germany · Geographic/ })).toContainText("0.99");
  await reviewShot(page, "changes-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await reviewShot(page, "changes-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const csv = await page.request.get(`/api/price-lists/${tier.code}/changes`);
  expect(await csv.text()).toContain("Fell,Numbers (DIDs),Germany · Geographic,Monthly (EUR)");
});
