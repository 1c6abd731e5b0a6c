import { makeActiveService, makeNumberRange, makeTenant, uniqueGermanPrefix } from "@/lib/testing/fixtures";
import { expect, test } from "./fixtures";

test("a partner orders 60 German numbers (6 blocks of 10) with a prorated quote; another partner cannot see or release them", async ({
  db,
  tenant,
  signInAs,
}) => {
  const area = `E2E ${Math.random().toString(36).slice(2, 8)}`;
  const prefix = uniqueGermanPrefix();
  await makeNumberRange(db, { countryCode: "DE", type: "GEOGRAPHIC", areaName: area, first: `${prefix}00`, size: 100 });
  await makeActiveService(db, tenant.pbx);

  const { page } = await signInAs("PARTNER");
  await page.goto(`/pbxs/${tenant.pbx.id}/numbers`);
  await page.getByRole("link", { name: "Order numbers" }).click();
  // The picker is sorted by country name, searchable, and shows the stock beside each choice.
  await page.getByLabel("Search countries").fill("germ");
  await page.getByRole("radio", { name: /^Germany, Geographic/ }).check();
  await page.getByLabel("City or area").selectOption({ label: `${area} (100 free: 1 block of 100, 10 of 10)` });
  // A bad count is the schema's inline error; a quantity shows the blocks it becomes before submitting.
  const quantity = page.getByLabel("How many numbers");
  await quantity.fill("123");
  await page.getByRole("button", { name: "Check availability" }).click();
  await expect(
    page.getByText("123 is not a multiple of 10, and one order takes at most 100 single numbers"),
  ).toBeVisible();
  await quantity.fill("60");
  await expect(page.getByTestId("quantity-blocks")).toHaveText("60 numbers = 6 blocks of 10.");
  await page.getByRole("button", { name: "Check availability" }).click();

  await expect(page.getByTestId("held-blocks").getByRole("listitem")).toHaveCount(6);
  // R3: the monthly fee is prorated to the PBX's expiry, and the formula says how.
  await expect(page.getByTestId("quote-formula").nth(1)).toHaveText(
    /^60 numbers × \d+\.\d\d EUR × 12 months × \d+\/\d+ days = \d+\.\d\d EUR$/,
  );
  await expect(page.getByTestId("order-total")).toHaveText(/^€[\d,]+\.\d{2}$/);
  const confirm = page.getByRole("button", { name: "Confirm order" });
  await confirm.click();
  await expect(page).toHaveURL(/\/numbers\/orders\/c[a-z0-9]+$/);
  // R13: the location is asked for right after the order.
  await expect(page.getByTestId("order-emergency-prompt")).toContainText(
    "60 of these numbers need an emergency location",
  );

  const blocks = page.getByTestId("order-block");
  await expect(blocks).toHaveCount(6);
  const ranges = await blocks.getByRole("heading").allTextContents();
  const firsts = ranges.map((r) => r.split(" – ")[0]);
  expect(ranges.every((r) => /0 – \+\d+9$/.test(r))).toBe(true);
  // 60 contiguous numbers: six consecutive tens.
  expect(firsts).toEqual(Array.from({ length: 6 }, (_, i) => `${prefix}${i}0`));
  expect(await db.phoneNumber.count({ where: { pbxId: tenant.pbx.id, areaName: area, status: "ASSIGNED" } })).toBe(60);
  expect(await db.numberOrder.count({ where: { pbxId: tenant.pbx.id } })).toBe(1);

  // Another partner: the PBX, its order page and the order are not found; its numbers are not listed.
  const other = await makeTenant(db);
  const { page: stranger } = await signInAs("PARTNER", other);
  for (const url of [`/pbxs/${tenant.pbx.id}`, `/pbxs/${tenant.pbx.id}/numbers/order`, new URL(page.url()).pathname]) {
    expect((await stranger.goto(url))?.status(), url).toBe(404);
  }
  await stranger.goto(`/numbers?q=${prefix.slice(1)}`);
  await expect(stranger.getByText("No numbers match.")).toBeVisible();
  await expect(stranger.getByRole("button", { name: /^Release/ })).toHaveCount(0);

  // The owner lists them and may release one, with a confirmation.
  await page.goto(`/numbers?q=${prefix.slice(1)}`);
  await expect(page.getByTestId("number-row")).toHaveCount(50);
  await page.getByRole("button", { name: `Release ${prefix}00` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Release number" }).click();
  await expect(page.getByText(`${prefix}00 released`, { exact: true })).toBeVisible();
  expect(
    (await db.phoneNumber.findUniqueOrThrow({ where: { e164: `${prefix}00` }, select: { status: true } })).status,
  ).toBe("QUARANTINE");
});

test("an admin imports a ranges file and sees its bad row reported", async ({ signInAs }) => {
  const prefix = uniqueGermanPrefix();
  const csv = [
    "Country,Type,Area,First,Last",
    `DE,GEOGRAPHIC,Berlin,${prefix}00,${prefix}99`,
    "DE,GEOGRAPHIC,Berlin,+4930,+4931",
  ].join("\n");
  const { page } = await signInAs("ADMIN");
  await page.goto("/admin/numbers");
  await page.getByRole("link", { name: "Import ranges" }).click();
  await page
    .getByLabel("Ranges file (.csv or .xlsx)")
    .setInputFiles({ name: "ranges.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page).toHaveURL(/\/admin\/numbers\/imports\/c[a-z0-9]+$/);
  await expect(page.getByTestId("import-refused")).toContainText("1 row refused");
  const rows = page.getByTestId("import-row");
  await expect(rows.nth(0)).toContainText("Accepted");
  await expect(rows.nth(1)).toContainText("is not in E.164");
  await page.getByRole("button", { name: "Import accepted ranges" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("100 numbers.")).toBeVisible();
});
