import { SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { expect, expectAccessible, test } from "./fixtures";

test("a partner adds a customer, fills in its details with the form's checks, and finds it again", async ({
  db,
  tenant,
  signInAs,
}) => {
  await db.country.update({ where: { code: "DE" }, data: { activationEnabled: true } });
  const { page } = await signInAs("PARTNER");
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add a customer" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a customer" });
  const name = `Seeblick Hotel ${Date.now()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Country of service").selectOption("DE");
  await dialog.getByRole("button", { name: "Add customer" }).click();
  await expect(dialog).toBeHidden();
  // The new customer's page opens, its details to fill in.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Register a PBX" })).toHaveAttribute(
    "href",
    /\/pbxs\/new\?customerId=c[a-z0-9]+$/,
  );
  const form = page.getByRole("form", { name: `Details of ${name}` });
  await expect(form.getByLabel("Time zone")).toHaveValue("");
  await expect(form.getByLabel("Time zone").locator("option:checked")).toHaveText(/^Same as yours: /);
  for (const [label, value] of [
    ["Company name", SAMPLE_LEGAL_ENTITY.legalName],
    ["VAT or tax number", "DE 12#"],
    ["Registered address", SAMPLE_LEGAL_ENTITY.addressLine],
    ["Postcode", SAMPLE_LEGAL_ENTITY.postcode],
    ["City", SAMPLE_LEGAL_ENTITY.city],
    ["Contact person", SAMPLE_LEGAL_ENTITY.contactName],
    ["Contact e-mail", SAMPLE_LEGAL_ENTITY.contactEmail],
    ["Contact phone", "089 123456"],
  ]) {
    await form.getByLabel(label).fill(value);
  }
  await form.getByRole("button", { name: "Save customer" }).click();
  // The activation form's messages, beside their fields; nothing saved.
  await expect(form.getByText("Use letters, digits, spaces, dots, dashes or slashes")).toBeVisible();
  await expect(form.getByText("Enter the number in E.164 form, e.g. +4989123456")).toBeVisible();
  await expect(form.getByLabel("VAT or tax number")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  expect((await db.customer.findFirstOrThrow({ where: { name } })).legalName).toBeNull();

  await form.getByLabel("VAT or tax number").fill(SAMPLE_LEGAL_ENTITY.vatNumber);
  await form.getByLabel("Contact phone").fill(SAMPLE_LEGAL_ENTITY.contactPhone);
  await form.getByLabel("Time zone").selectOption("Europe/Vienna");
  await form.getByRole("button", { name: "Save customer" }).click();
  await expect(page.getByText("Customer saved", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "At a glance" }).getByText("Europe/Vienna", { exact: true }),
  ).toBeVisible();
  expect(await db.customer.findFirstOrThrow({ where: { name } })).toMatchObject({
    vatNumber: SAMPLE_LEGAL_ENTITY.vatNumber,
    timeZone: "Europe/Vienna",
  });

  // Search by VAT number finds it; the tenant's other customer is not listed.
  await page.goto("/customers");
  await page.getByLabel("Search customers").fill(SAMPLE_LEGAL_ENTITY.vatNumber);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${SAMPLE_LEGAL_ENTITY.vatNumber}`));
  const table = page.getByRole("table", { name: /^Customers/ });
  await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(table.getByRole("link", { name: tenant.customer.name })).toHaveCount(0);

  // The tenant's customer's page lists its PBX.
  await page.goto(`/customers?q=${encodeURIComponent(tenant.customer.name)}`);
  await table.getByRole("link", { name: tenant.customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${tenant.customer.id}$`));
  await expect(
    page.getByRole("table", { name: `PBXs of ${tenant.customer.name}` }).getByRole("link", { name: tenant.pbx.name }),
  ).toBeVisible();
});

test("a partner archives a customer without services, finds it under Archived, and restores it", async ({
  db,
  tenant,
  signInAs,
}) => {
  const spare = await db.customer.create({
    data: { partnerId: tenant.partner.id, name: `Altbau Kanzlei ${Date.now()}`, countryCode: "DE" },
  });
  const { page } = await signInAs("PARTNER");
  await page.goto(`/customers/${spare.id}`);
  await page.getByRole("button", { name: "Archive" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Archive ${spare.name}?` });
  await confirm.getByRole("button", { name: "Archive customer" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(/^Archived on /)).toBeVisible();
  await expect(page.getByRole("link", { name: "Register a PBX" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: /^Details of/ })).toHaveCount(0);

  await page.goto(`/customers?q=${encodeURIComponent(spare.name)}`);
  await expect(page.getByText("No customer matches")).toBeVisible();
  await page.getByRole("link", { name: /^Archived/ }).click();
  await expect(page.getByRole("table", { name: /^Customers/ }).getByRole("link", { name: spare.name })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: spare.name }).click();
  await page.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Restore customer" }).click();
  await expect(page.getByRole("form", { name: `Details of ${spare.name}` })).toBeVisible();
  expect((await db.customer.findUniqueOrThrow({ where: { id: spare.id } })).archivedAt).toBeNull();
});

test("a partner sets its own usage-alert thresholds for a customer, with the mistake explained beside the field", async ({
  db,
  tenant,
  signInAs,
}) => {
  const { page } = await signInAs("PARTNER");
  await page.goto(`/customers/${tenant.customer.id}`);
  await page.getByRole("button", { name: `Usage alerts: 80 %, 100 % (default) for ${tenant.customer.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Usage alerts for ${tenant.customer.name}` });
  await dialog.getByLabel("Thresholds in percent").fill("50, 90, 120");
  await dialog.getByRole("button", { name: "Save thresholds" }).click();
  await expect(dialog.getByText("Each threshold is a percent from 1 to 100")).toBeVisible();
  await dialog.getByLabel("Thresholds in percent").fill("90, 50");
  await dialog.getByRole("button", { name: "Save thresholds" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: /^Usage alerts: 50 %, 90 % for / })).toBeVisible();
  expect(
    (await db.usageAlertSetting.findUniqueOrThrow({ where: { customerId: tenant.customer.id } })).percents,
  ).toEqual([50, 90]);
});
