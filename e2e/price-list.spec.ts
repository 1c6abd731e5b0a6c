import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";

test("a Gold partner finds a country, downloads the Gold price list as PDF and Excel, and cannot get Silver's", async ({ signInAs }, testInfo) => {
  const { page } = await signInAs("PARTNER");
  await page.getByRole("link", { name: "Price list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Price list: Gold" })).toBeVisible();
  const types = page.getByRole("navigation", { name: "Price-list type" });
  await expect(types.getByRole("link")).toHaveText(["End User", "Gold"]);
  await expect(page.getByText(/\(R\d+\)/)).toHaveCount(0);

  await page.getByLabel("Find a country or prefix").fill("+49");
  const areas = page.getByRole("region", { name: "Countries and prefixes by area table" });
  await expect(areas.getByRole("row", { name: /Germany/ })).toBeVisible();
  await expect(areas.getByRole("row", { name: /France/ })).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("price-list-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("price-list-390.png"), fullPage: false });
  await page.getByLabel("Find a country or prefix").fill("");

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^CLASSOUND-price-list-Gold-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^CLASSOUND-price-list-Gold-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  expect(workbook.getWorksheet("Monthly flat fee")?.getRow(2).getCell(1).value).toBe("CLASSOUND-FLAT-1m");

  expect((await page.request.get("/api/price-lists/END_USER/pdf")).status()).toBe(200);
  expect((await page.request.get("/api/price-lists/SILVER/pdf")).status()).toBe(404);
  expect((await page.request.get("/api/price-lists/SILVER/xlsx")).status()).toBe(404);
  for (const url of ["/api/price-lists/gold/pdf", "/api/price-lists/GOLD/docx", "/api/price-lists/%00/pdf", `/api/price-lists/${"A".repeat(5000)}/pdf`, "/api/price-lists/GOLD/pdf%00"]) {
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
