import { demoLogin, expect, expectAccessible, signIn, test } from "./fixtures";

// The demo's Weber Maschinenbau has a compliance profile from before the portal, one document of which
// expires within 30 days: the partner sees it flagged, and a new request reuses the profile.
test("a partner sees the compliance profile, the expiring document, and a new request reuses it", async ({ page }) => {
  await signIn(page, demoLogin("PARTNER").email);
  await expect(page).toHaveURL(/\/partner$/);
  await page.getByRole("link", { name: "Compliance profiles" }).click();
  await expect(page).toHaveURL(/\/customers\?attention=1$/);
  const weber = page.getByRole("region", { name: "Weber Maschinenbau GmbH", exact: true });
  await expect(weber).toContainText("1 document to renew");
  await expect(weber.getByRole("row", { name: /Nachweis des Firmensitzes/ })).toContainText("Expires soon");
  await expect(page.locator("section[aria-labelledby^=customer-]")).toHaveCount(1);
  await expectAccessible(page);

  await page.goto("/activations");
  await page.getByRole("button", { name: "Activate CLASSOUND on Stuttgart sales office" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stuttgart sales office");
  await expect(page.getByLabel("Company name")).toHaveValue("Weber Maschinenbau GmbH");
  await expect(page.getByText("Reused from the customer's compliance profile.")).toHaveCount(3);
  await expect(page.locator("li[id^=document-]").filter({ hasText: "Nachweis des Firmensitzes" })).toContainText("upload a current copy");
  await expect(page.getByText("Ready to submit")).toBeVisible();
});
