import { makePbx, makeTenant } from "@/lib/testing/fixtures";
import { expect, test } from "./fixtures";

test("a partner finds a PBX in the list and opens its page: term, licenses and what CLASSOUND would cost", async ({
  db,
  tenant,
  signInAs,
}) => {
  const lifetime = await makePbx(db, tenant.customer.id, { licensePlan: "LIFETIME", termExpiry: null });
  const { page } = await signInAs("PARTNER");
  await page.goto("/pbxs");
  const table = page.getByRole("table", { name: "PBXs" });
  await expect(table.getByRole("row")).toHaveCount(3);

  // Search by serial narrows the list as the user types.
  await page.getByLabel("Search").fill(lifetime.serial.toLowerCase());
  await expect(table.getByRole("row")).toHaveCount(2);
  // The lifetime PBX offers no "Activate" button: its page says why.
  await expect(table.getByRole("button", { name: /Activate CLASSOUND/ })).toHaveCount(0);
  await table.getByRole("link", { name: /Cannot be activated/ }).click();
  await expect(page).toHaveURL(new RegExp(`/pbxs/${lifetime.id}$`));
  await expect(page.getByText("lifetime license", { exact: false }).first()).toBeVisible();

  await page.goto("/pbxs");
  await page.getByLabel("CLASSOUND", { exact: true }).selectOption({ label: "Can be activated" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await table.getByRole("link", { name: tenant.pbx.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tenant.pbx.name);
  const facts = page.getByRole("region", { name: "PBX", exact: true });
  await expect(facts).toContainText(tenant.customer.name);
  await expect(facts).toContainText(/Term\s*\d{2} \w{3,4} \d{4} – \d{2} \w{3,4} \d{4}/);
  await expect(facts).toContainText(/Total users\s*4/);
  const quote = page.getByTestId("quote");
  await expect(quote).toContainText("Days of the term charged");
  await expect(page.getByTestId("quote-amount")).toHaveText(/^€\d+\.\d{2}$/);
  await expect(page.getByRole("button", { name: `Activate CLASSOUND on ${tenant.pbx.name}` })).toBeVisible();

  // Ordering numbers waits for CLASSOUND; the page says so and its breadcrumb still names the PBX.
  await page.goto(`/pbxs/${tenant.pbx.id}/numbers/order`);
  await expect(page.getByText("CLASSOUND is not active on this PBX")).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: tenant.pbx.name }),
  ).toHaveAttribute("href", `/pbxs/${tenant.pbx.id}`);
});

test("the PBX page shows the charge raised when CLASSOUND was activated", async ({ db, tenant, signInAs }) => {
  const service = await db.classoundService.create({
    data: { pbxId: tenant.pbx.id, activatedAt: new Date(), expiresAt: tenant.pbx.termExpiry! },
  });
  await db.serviceCharge.create({
    data: {
      partnerId: tenant.partner.id,
      serviceId: service.id,
      description: "CLASSOUND-FLAT: 4 users × 10.43 EUR × 1 month × 18/30 days = 25.03 EUR",
      amount: "25.03",
      currency: "EUR",
      periodStart: new Date(),
      periodEnd: tenant.pbx.termExpiry!,
    },
  });
  const { page } = await signInAs("PARTNER");
  await page.goto(`/pbxs/${tenant.pbx.id}`);
  await expect(page.getByRole("region", { name: "CLASSOUND", exact: true })).toContainText("Active");
  await expect(page.getByTestId("charge-amount")).toHaveText("€25.03");
  // Active: nothing left to quote.
  await expect(page.getByTestId("quote")).toHaveCount(0);
});

test("another partner's PBX is not found, for its partner and end user alike", async ({ db, signInAs }) => {
  const other = await makeTenant(db);
  for (const role of ["PARTNER", "END_USER"] as const) {
    const { page } = await signInAs(role);
    const response = await page.goto(`/pbxs/${other.pbx.id}`);
    expect(response?.status(), role).toBe(404);
  }
});

test("an end user sees their PBX without the partner's prices", async ({ tenant, signInAs }) => {
  const { page } = await signInAs("END_USER");
  await page.goto("/pbxs");
  await page.getByRole("link", { name: tenant.pbx.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tenant.pbx.name);
  await expect(page.getByTestId("quote")).toHaveCount(0);
  await expect(page.getByText("Your partner can activate CLASSOUND")).toBeVisible();
});
