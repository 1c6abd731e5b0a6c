import { expect, test } from "./fixtures";

test("an admin uploads a CDR file with bad rows and gets the report", async ({ db, tenant, signInAs }) => {
  test.setTimeout(120_000);
  const { page } = await signInAs("ADMIN");
  const serial = tenant.pbx.serial;
  const csv = [
    "call_id,pbx,direction,from,to,extension,did,started_at,answered_at,duration,disposition,freephone_source",
    `e2e-1,${serial},out,+4930901820,+4989123456,100,,2026-10-05T09:00:00Z,2026-10-05T09:00:05Z,61,answered,`,
    `e2e-2,${serial},in,+4989123456,+4930901820,,,2026-10-05T10:00:00Z,,0,no_answer,`,
    `e2e-3,${serial},out,+4930901820,+4989123456,100,,2026-10-05T11:00:00Z,2026-10-05T11:00:05Z,20000,answered,`,
    `e2e-4,CS-NOT-A-PBX,out,+4930901820,+4989123456,100,,2026-10-05T12:00:00Z,,0,busy,`,
    `e2e-5,${serial},out,+4930901820,12345,100,,2026-10-05T13:00:00Z,,0,failed,`,
  ].join("\n");

  await page.goto("/admin/cdr-imports");
  await page
    .getByLabel("CDR file (CSV)")
    .setInputFiles({ name: "e2e-calls.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForURL(/\/admin\/cdr-imports\/c[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: /Progress/ }).getByText("Done")).toBeVisible({ timeout: 60_000 });

  const counts = page.locator("section[aria-labelledby=progress-heading]");
  await expect(counts.getByText("Stored", { exact: true }).locator("..")).toContainText("2");
  await expect(counts.getByText("Refused", { exact: true }).locator("..")).toContainText("3");
  const report = page.getByRole("table", { name: "Rows not stored, by reason" });
  await expect(report.getByRole("row", { name: /duration over four hours/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /unknown PBX/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /to is not a valid E\.164 number/ })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the refused rows (CSV)" }).click();
  const file = await (await download).path();
  const text = (await import("node:fs")).readFileSync(file, "utf8");
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
  expect(text).toContain("CS-NOT-A-PBX");

  expect(await db.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(2);
});
