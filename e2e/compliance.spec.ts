import { storeComplianceProfile } from "@/lib/db/seed/compliance-profile";
import { pickLegalEntity } from "@/lib/activations/schemas";
import { actorOf, makeTenantUser, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { e2eStorage, expect, expectAccessible, test } from "./fixtures";

// A customer whose documents were accepted 170 days ago: the one valid six months expires within
// 30 days, so the partner sees it flagged, and a new request reuses the rest of the profile.
test("a partner sees the compliance profile, the expiring document, and a new request reuses it", async ({
  db,
  tenant,
  signInAs,
}) => {
  const customer = await db.customer.update({
    where: { id: tenant.customer.id },
    data: {
      ...pickLegalEntity(SAMPLE_LEGAL_ENTITY),
      legalName: `Brauhaus Technik ${tenant.customer.id.slice(-6)} GmbH`,
    },
  });
  const uploader = actorOf(await makeTenantUser(db, "PARTNER", tenant));
  await storeComplianceProfile(db, customer.id, uploader, new Date(Date.now() - 170 * 86_400_000), e2eStorage());

  const { page } = await signInAs("PARTNER");
  await page.goto("/partner");
  await page.getByRole("link", { name: "Compliance profiles" }).click();
  await expect(page).toHaveURL(/\/customers\?attention=1$/);
  // Only the customers with a document to renew, each saying how many; its page names the document.
  const list = page.getByRole("table", { name: /^Customers/ });
  await expect(list.getByRole("row")).toHaveCount(2);
  await expect(list.getByRole("row", { name: new RegExp(customer.name) })).toContainText("1 to renew");
  await expectAccessible(page);
  await list.getByRole("link", { name: customer.name }).click();
  const documents = page.getByRole("region", { name: "Compliance documents" });
  await expect(documents.getByRole("row", { name: /Nachweis des Firmensitzes/ })).toContainText("Expires soon");

  await page.goto("/activations");
  await page.getByRole("button", { name: `Activate CLASSOUND on ${tenant.pbx.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(tenant.pbx.name);
  await expect(page.getByLabel("Company name")).toHaveValue(customer.legalName!);
  await expect(page.getByText("Reused from the customer's compliance profile.")).toHaveCount(3);
  await expect(page.locator("li[id^=document-]").filter({ hasText: "Nachweis des Firmensitzes" })).toContainText(
    /Valid until .*You may upload a newer copy now/,
  );
  await expect(page.getByText("Ready to submit")).toBeVisible();
});
