import { makeNumbers } from "@/lib/testing/fixtures";
import { expect, reviewScreens, test } from "./fixtures";

// R13 end to end: a partner defines a site, assigns it to ten numbers at once, imports the rest from
// a CSV in which one row's postcode is wrong for its country, and the PBX goes from "7 numbers
// missing a location" to complete.

test("a partner gives every number of a PBX its emergency location", async ({ db, tenant, signInAs }) => {
  test.setTimeout(180_000);
  await db.classoundService.create({
    data: {
      pbxId: tenant.pbx.id,
      activatedAt: new Date(),
      expiresAt: tenant.pbx.termExpiry!,
      emergencyConfiguredAt: new Date(),
    },
  });
  const numbers = await makeNumbers(db, { partnerId: tenant.partner.id, pbxId: tenant.pbx.id }, 17, "IT");
  const pbxPath = `/pbxs/${tenant.pbx.id}/emergency`;
  const { page } = await signInAs("PARTNER");

  // ── A site, defined once ──────────────────────────────────────────────────
  await page.goto("/emergency");
  await page.getByRole("button", { name: "New site" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Site name").fill("Milan HQ, floor 3");
  await dialog.getByLabel("Country").selectOption("IT");
  await dialog.getByLabel("Street").fill("Via Dante");
  await dialog.getByLabel("House number").fill("7");
  await dialog.getByLabel("Postcode").fill("2012");
  await dialog.getByRole("button", { name: "Save site" }).click();
  await expect(dialog.getByText("This is not a postcode of IT: 5 digits, e.g. 20121")).toBeVisible();
  await dialog.getByLabel("Postcode").fill("20121");
  // No maintained dataset names Italian postcodes' cities (decision 0048): the partner types it.
  await dialog.getByLabel("City").fill("Milano");
  await dialog.getByLabel("Floor").fill("3");
  await dialog.getByLabel("Latitude").fill("45.466944");
  await dialog.getByLabel("Longitude").fill("9.185556");
  await dialog.getByRole("button", { name: "Save site" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Sites", exact: true }).getByText("Milan HQ, floor 3")).toBeVisible();

  // ── Assigned to ten numbers at once ───────────────────────────────────────
  for (const number of numbers.slice(0, 10)) await page.getByLabel(`Select ${number.e164}`).check();
  await page.getByLabel("Site to assign").selectOption({ label: `Milan HQ, floor 3 (${tenant.customer.name})` });
  await page.getByRole("button", { name: "Assign to 10 selected" }).click();
  await expect(page.getByText("Site assigned to 10 numbers").first()).toBeVisible();
  await reviewScreens(page, "emergency-partner");

  await page.goto(pbxPath);
  await expect(page.getByTestId("pbx-emergency-locations")).toHaveText("7 numbers missing a location");
  await reviewScreens(page, "emergency-pbx-before");

  // ── The rest from a CSV, one row refused ──────────────────────────────────
  const header =
    "number,site,street,house_number,postcode,city,region,country,building,floor,room,latitude,longitude,callback_number";
  const rows = numbers.slice(10).map((n) => `${n.e164},Milan annex,Via Torino,2,20123,Milano,,IT,,1,,45.4628,9.1859,`);
  const wrong = `${numbers[0]!.e164},Milan annex,Via Torino,2,SW1A 1AA,Milano,,IT,,1,,45.4628,9.1859,`;
  await page.goto("/emergency");
  await page.getByLabel("CSV file").setInputFiles({
    name: "locations.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([header, ...rows, wrong].join("\n")),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "7 rows stored, 1 refused" })).toBeVisible();
  await expect(page.getByTestId("import-line-9")).toContainText("Refused: This is not a postcode of IT");
  await reviewScreens(page, "emergency-import");

  await page.goto(pbxPath);
  await expect(page.getByTestId("pbx-emergency-locations")).toHaveText("Every number has a location (17)");
  // The refused row changed nothing: the number stayed at its first site.
  expect(
    (await db.phoneNumber.findUniqueOrThrow({ where: { id: numbers[0]!.id }, include: { emergencyLocation: true } }))
      .emergencyLocation?.name,
  ).toBe("Milan HQ, floor 3");
  await reviewScreens(page, "emergency-pbx-after");
});
