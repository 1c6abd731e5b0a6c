import { readFile } from "node:fs/promises";
import {
  expect,
  expectAccessible,
  LAPTOP,
  makeBillableTenant,
  makeE2eTenant,
  PHONE,
  reviewScreens,
  test,
} from "./fixtures";

// Issue 33, re-billing (docs/decisions/0063): a partner sets a markup, reads its month per customer
// and downloads a customer's CSV; its end user sees the month at that price, never the purchase price.
test("a partner re-bills its month at its own markup, and its end user sees only the resale price", async ({
  db,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const { tenant, month } = await makeBillableTenant(db, "715.20");
  const { page } = await signInAs("PARTNER", tenant);

  await page.goto("/billing/resale-prices");
  await expect(page.getByRole("heading", { level: 1, name: "Resale prices" })).toBeVisible();
  const forAll = page.getByRole("form", { name: "Resale prices for all customers" });
  await forAll.getByLabel("Markup over my purchase price").check();
  // A markup past 1000 % is refused beside its field.
  await forAll.getByLabel("Markup in percent").fill("2000");
  await forAll.getByRole("button", { name: "Save for all customers" }).click();
  await expect(forAll.getByText("Enter a markup from 0 to 1000 %")).toBeVisible();
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
  await forAll.getByLabel("Markup in percent").fill("25");
  await forAll.getByRole("button", { name: "Save for all customers" }).click();
  await expect(page.getByText(/Now: Markup over my purchase price: 25\.00\s%/)).toBeVisible();
  await reviewScreens(page, "resale-prices");

  // The month per customer: 715.20 × 1.25 = 894.00, a margin of 178.80.
  await page.goto(`/billing/rebilling?month=${month}`);
  const card = page.getByRole("region", { name: tenant.customer.name, exact: true });
  await expect(card).toContainText("€715.20");
  await expect(card).toContainText("€894.00");
  await expect(card).toContainText("€178.80");
  await card.getByText("1 line").click();
  await expect(card.getByRole("region", { name: `Lines of ${tenant.customer.name}` })).toContainText(
    "CLASSOUND activation",
  );
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
  await reviewScreens(page, "rebilling");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("link", { name: `Download CSV of ${tenant.customer.name}` }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain('"715.20"');
  expect(csv).toContain('"894.00","178.80"');

  // Another partner's customer answers like a missing one; a malformed month is refused before any read.
  const other = await makeE2eTenant(db);
  expect((await page.request.get(`/api/billing/rebilling/${other.customer.id}?month=${month}`)).status()).toBe(404);
  expect((await page.request.get(`/api/billing/rebilling/${tenant.customer.id}?month=0000-13`)).status()).toBe(400);

  await page.goto("/billing/rebilling?month=2020-01");
  await expect(page.getByText("Nothing charged in January 2020")).toBeVisible();

  // The end user: its month at 894.00, no purchase price anywhere on the page.
  const { page: endUser } = await signInAs("END_USER", tenant);
  await endUser.goto(`/customer/month?month=${month}`);
  await expect(endUser.getByRole("heading", { level: 1, name: "Charges this month" })).toBeVisible();
  await expect(endUser.getByRole("region", { name: /Charges of/ })).toContainText("€894.00");
  await expect(endUser.locator("main")).not.toContainText("715.20");
  for (const size of [PHONE, LAPTOP]) {
    await endUser.setViewportSize(size);
    await expectAccessible(endUser);
  }
  await reviewScreens(endUser, "customer-month");
  // The partner's pages are not the end user's.
  expect((await endUser.goto("/billing/rebilling"))!.status()).toBe(403);
});
