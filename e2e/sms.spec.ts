import { expect, reviewScreens, test } from "./fixtures";

// R15: a partner sees exactly what a sender name becomes, and which users of a PBX may send SMS.
test("a partner checks a sender name symbol by symbol", async ({ signInAs }) => {
  const { page } = await signInAs("PARTNER");
  await page.goto("/partner");
  await page.getByRole("navigation").getByRole("link", { name: "SMS sender names" }).click();
  await page.getByLabel("Sender name").fill("Müller&Söhne GmbH");
  await expect(page.getByTestId("sent-name")).toHaveText("Müller&Söh");
  await expect(page.getByText("The name is too long")).toBeVisible();
  const table = page.getByRole("table", { name: "Each symbol typed and what is sent for it" });
  await expect(table.getByRole("row")).toHaveCount(1 + 17);
  await expect(table.getByRole("row").nth(2)).toContainText(/2\s*ü\s*ü\s*Kept/);
  await expect(table.getByRole("row").nth(11)).toContainText(/11\s*n\s*nothing\s*Cut: past 10 symbols/);
  await expect(table.getByRole("row").nth(13)).toContainText(/13\s*space\s*nothing/);
  await reviewScreens(page, "sms-checker");

  await page.getByLabel("Sender name").fill("Öâ€");
  await expect(page.getByTestId("sent-name")).toHaveText("öa?");
  await expect(table.getByRole("row").nth(1)).toContainText("Capital made small");
  await expect(table.getByRole("row").nth(2)).toContainText("Replaced by the nearest letter");
  await expect(table.getByRole("row").nth(3)).toContainText("Not supported: replaced by ?");
});

test("the PBX page says which licences may send SMS and two-way SMS", async ({ db, tenant, signInAs }) => {
  await db.country.upsert({
    where: { code: "GB" },
    update: {},
    create: { code: "GB", name: "United Kingdom", dialCode: "44", callTerminationArea: 1, twoWaySms: true },
  });
  const { page } = await signInAs("PARTNER");
  await page.goto(`/pbxs/${tenant.pbx.id}/sms`);
  const table = page.getByRole("table", { name: "Who may send SMS, by licence type" });
  // The fixture's PBX: 3 Basic and 1 Business licence, no numbers yet.
  await expect(table.getByRole("row", { name: /Basic/ })).toContainText(/3\s*No\s*No/);
  await expect(table.getByRole("row", { name: /Business/ })).toContainText(/1\s*Yes \(1 user\)\s*No/);
  await db.phoneNumber.create({
    data: {
      e164: `+4477009${String(Date.now()).slice(-5)}`,
      countryCode: "GB",
      type: "MOBILE",
      status: "ASSIGNED",
      partnerId: tenant.partner.id,
      pbxId: tenant.pbx.id,
    },
  });
  await page.reload();
  await expect(table.getByRole("row", { name: /Business/ })).toContainText(/Yes \(1 user\)\s*Yes \(1 user\)/);
  await expect(page.getByText("Two-way SMS works on this PBX's numbers in United Kingdom.")).toBeVisible();
  await reviewScreens(page, "pbx-sms");
});
