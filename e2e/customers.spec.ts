import { SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { expect, test } from "./fixtures";

test("a partner adds a customer, fills in its legal entity with the form's checks, and finds it again", async ({
  db,
  tenant,
  signInAs,
}) => {
  await db.country.update({ where: { code: "DE" }, data: { activationEnabled: true } });
  const { page } = await signInAs("PARTNER");
  await page.goto("/customers");
  await page.getByRole("button", { name: "New customer" }).click();
  const dialog = page.getByRole("dialog", { name: "New customer" });
  const name = `Seeblick Hotel ${Date.now()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Country of service").selectOption("DE");
  await dialog.getByRole("button", { name: "Add customer" }).click();
  await expect(dialog).toBeHidden();
  // The new customer is shown through the search, which lives in the URL.
  await expect(page).toHaveURL(/\/customers\?q=Seeblick/);
  const card = page.getByRole("region", { name });
  await expect(card).toContainText("No legal entity on file yet");

  await card.getByRole("button", { name: `Edit legal entity of ${name}` }).click();
  const form = page.getByRole("dialog", { name: `Legal entity of ${name}` });
  for (const [label, value] of [
    ["Company name", SAMPLE_LEGAL_ENTITY.legalName],
    ["VAT or tax number", "DE 12#"],
    ["Registered address", SAMPLE_LEGAL_ENTITY.addressLine],
    ["Postcode", SAMPLE_LEGAL_ENTITY.postcode],
    ["City", SAMPLE_LEGAL_ENTITY.city],
    ["Contact person", SAMPLE_LEGAL_ENTITY.contactName],
    ["Contact e-mail", SAMPLE_LEGAL_ENTITY.contactEmail],
    ["Contact phone", SAMPLE_LEGAL_ENTITY.contactPhone],
  ]) {
    await form.getByLabel(label).fill(value);
  }
  await form.getByRole("button", { name: "Save legal entity" }).click();
  // The activation form's message, beside its field; nothing saved.
  await expect(form.getByText("Use letters, digits, spaces, dots, dashes or slashes")).toBeVisible();
  await form.getByLabel("VAT or tax number").fill(SAMPLE_LEGAL_ENTITY.vatNumber);
  await form.getByRole("button", { name: "Save legal entity" }).click();
  await expect(form).toBeHidden();
  await expect(card).toContainText(SAMPLE_LEGAL_ENTITY.vatNumber);

  // Search by VAT number finds it; the tenant's other customer is not listed.
  await page.getByLabel("Search customers").fill(SAMPLE_LEGAL_ENTITY.vatNumber);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${SAMPLE_LEGAL_ENTITY.vatNumber}`));
  await expect(page.getByRole("region", { name })).toBeVisible();
  await expect(page.getByRole("region", { name: tenant.customer.name })).toHaveCount(0);

  // Its PBXs: the PBX list, filtered to it.
  await page.goto(`/customers?q=${encodeURIComponent(tenant.customer.name)}`);
  await page.getByRole("link", { name: `PBXs of ${tenant.customer.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/pbxs\\?customer=${tenant.customer.id}$`));
  await expect(page.getByRole("table", { name: "PBXs" }).getByRole("link", { name: tenant.pbx.name })).toBeVisible();
});

test("a partner sets its own usage-alert thresholds for a customer, with the mistake explained beside the field", async ({
  db,
  tenant,
  signInAs,
}) => {
  const { page } = await signInAs("PARTNER");
  await page.goto(`/customers?q=${encodeURIComponent(tenant.customer.name)}`);
  const card = page.getByRole("region", { name: tenant.customer.name });
  await card.getByRole("button", { name: `Usage alerts: 80 %, 100 % (default) for ${tenant.customer.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Usage alerts for ${tenant.customer.name}` });
  await dialog.getByLabel("Thresholds in percent").fill("50, 90, 120");
  await dialog.getByRole("button", { name: "Save thresholds" }).click();
  await expect(dialog.getByText("Each threshold is a percent from 1 to 100")).toBeVisible();
  await dialog.getByLabel("Thresholds in percent").fill("90, 50");
  await dialog.getByRole("button", { name: "Save thresholds" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("button", { name: /^Usage alerts: 50 %, 90 % for / })).toBeVisible();
  expect(
    (await db.usageAlertSetting.findUniqueOrThrow({ where: { customerId: tenant.customer.id } })).percents,
  ).toEqual([50, 90]);
});
