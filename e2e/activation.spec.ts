import { makePbx, makeTenant } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { documentSlots, fillLegalEntity, pdf, uploadEveryDocument } from "./activation-form";
import { expect, expectAccessible, test } from "./fixtures";

// The whole R2 workflow in one browser session per actor, on a tenant of its own: a partner
// activates CLASSOUND on a PBX, the admin asks for one document to be replaced, the partner
// replaces it, the admin approves.

test("a partner activates CLASSOUND and an admin approves it after one change", async ({ db, tenant, signInAs }) => {
  test.setTimeout(180_000);
  const lifetime = await makePbx(db, tenant.customer.id, { licensePlan: "LIFETIME", termExpiry: null });
  const pbxName = tenant.pbx.name;

  // ── Partner: eligibility is explained before any form ─────────────────────
  const { page: partner } = await signInAs("PARTNER");
  await partner.goto(`/activations?pbx=${lifetime.id}`);
  const pbxTable = partner.getByRole("table", { name: "PBXs and their CLASSOUND eligibility" });
  await expect(pbxTable.getByRole("row")).toHaveCount(2);
  await expect(pbxTable.getByRole("row", { name: new RegExp(lifetime.name) })).toContainText("lifetime license");
  await expect(pbxTable.getByRole("row", { name: new RegExp(lifetime.name) }).getByRole("button")).toHaveCount(0);
  await expectAccessible(partner);
  await partner.getByRole("link", { name: "Show all PBXs" }).click();
  await expect(pbxTable.getByRole("row")).toHaveCount(3);

  const pbxRow = pbxTable.getByRole("row", { name: new RegExp(pbxName) });
  const termExpiry = (await pbxRow.getByRole("cell").nth(4).innerText()).trim();
  await pbxRow.getByRole("button", { name: `Activate CLASSOUND on ${pbxName}` }).click();
  await expect(partner).toHaveURL(/\/activations\/[a-z0-9]+$/);
  await expect(partner.getByRole("heading", { level: 1 })).toContainText(pbxName);
  await expect(partner.getByText("Draft", { exact: true })).toBeVisible();

  // ── Partner: the form, one refused upload, the others accepted ──────────────
  // Nothing is reproached before the partner has typed anything.
  await expect(partner.locator('[aria-invalid="true"]')).toHaveCount(0);
  await fillLegalEntity(partner, "0472000000");
  // A draft keeps what was typed, even before it is valid.
  await partner.getByRole("button", { name: "Save draft" }).click();
  await expect(partner.getByText("Draft saved", { exact: true })).toBeVisible();

  const slotNames = await documentSlots(partner);
  expect(slotNames.length).toBeGreaterThan(0);
  await partner
    .getByLabel(`Upload ${slotNames[0]}`)
    .setInputFiles({ name: "registration.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleFiles.exe()) });
  await expect(
    partner.getByRole("alert").filter({ hasText: "Only PDF, PNG and JPEG files are accepted" }),
  ).toBeVisible();
  await uploadEveryDocument(partner, slotNames);
  // The pre-check lists what is still wrong, and submitting shows it next to the field.
  await expect(partner.getByText("1 item to complete before submitting")).toBeVisible();
  await expect(partner.getByText("Contact phone: Enter the number in E.164 form")).toBeVisible();
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await expect(partner.getByLabel("Contact phone")).toHaveAttribute("aria-invalid", "true");
  await partner.getByLabel("Contact phone").fill("+33472000000");
  // The first charge, with its formula, is in sight before the partner commits to it.
  const quote = partner.getByRole("region", { name: "What CLASSOUND will cost" });
  await expect(quote).toContainText("Days of the term charged");
  const quotedAmount = (await quote.getByTestId("quote-amount").textContent())!.trim();
  expect(quotedAmount).toMatch(/^€\d+\.\d{2}$/);
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await expect(partner.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expect(partner.getByLabel(/^Replace /)).toHaveCount(0);
  const requestPath = new URL(partner.url()).pathname;
  const requestId = requestPath.split("/").pop()!;
  const firstSlot = partner.locator("li[id^=document-]").first();
  const fileHref = (await firstSlot.locator('a[href^="/api/files/"]').last().getAttribute("href"))!;
  const firstDocumentId = (await firstSlot.getAttribute("id"))!.replace("document-", "");

  // ── Another partner and an end user get nothing, whatever ids they send ────
  const { page: otherPartner } = await signInAs("PARTNER", await makeTenant(db));
  expect((await otherPartner.request.get(fileHref)).status()).toBe(404);
  // From the portal's own origin, so the answer is the scope's, not the origin check's.
  const foreignUpload = await otherPartner.request.post(`/api/activations/${requestId}/documents/${firstDocumentId}`, {
    headers: { Origin: new URL(partner.url()).origin },
    multipart: {
      file: { name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleFiles.pdf("intruder")) },
    },
  });
  expect(foreignUpload.status()).toBe(404);
  expect((await otherPartner.goto(requestPath))?.status()).toBe(404);
  expect((await otherPartner.goto(`/admin/activations/${requestId}`))?.status()).toBe(403);
  const { page: endUser } = await signInAs("END_USER");
  // An end user may read no files at all: refused by role (403) before any id is looked up.
  expect((await endUser.request.get(fileHref)).status()).toBe(403);
  expect((await endUser.goto(requestPath))?.status()).toBe(403);

  // ── Admin: queue, review, ask for one document to be replaced ─────────────
  const { page: admin } = await signInAs("ADMIN");
  await admin.goto("/admin/activations?status=SUBMITTED");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: new RegExp(pbxName) }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(pbxName);
  await expect(admin.getByRole("link", { name: `View ${slotNames[0]}` })).toBeVisible();
  await admin.getByRole("button", { name: "Start review" }).click();
  await expect(admin.getByText("In review", { exact: true }).first()).toBeVisible();
  await admin.getByRole("button", { name: "Request changes" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel(slotNames[0]).check();
  await dialog.getByLabel(`What must change in “${slotNames[0]}”`).fill("The stamp on page 2 is unreadable.");
  await expectAccessible(admin);
  await dialog.getByRole("button", { name: "Send to the partner" }).click();
  await expect(admin.getByText("Changes requested", { exact: true }).first()).toBeVisible();

  // ── Partner: replaces only that document and resubmits ────────────────────
  await partner.goto(requestPath);
  await expect(partner.getByText("The stamp on page 2 is unreadable.").first()).toBeVisible();
  await expect(partner.getByLabel(/^Replace /)).toHaveCount(1);
  // A wrong file first: the comment and the control stay, so it can be corrected before resubmitting.
  await partner.getByLabel(`Replace ${slotNames[0]}`).setInputFiles(pdf("wrong-file.pdf"));
  await expect(partner.getByText("wrong-file.pdf").first()).toBeVisible();
  await expect(partner.getByText("The stamp on page 2 is unreadable.").first()).toBeVisible();
  await partner.getByLabel(`Replace ${slotNames[0]}`).setInputFiles(pdf("registration-readable.pdf"));
  await expect(partner.getByText("registration-readable.pdf").first()).toBeVisible();
  await expect(partner.getByText("Ready to submit")).toBeVisible();
  await partner.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(partner.getByText("Submitted", { exact: true }).first()).toBeVisible();

  // ── Admin: approves; the service is on with the PBX's expiry ──────────────
  await admin.reload();
  // The reviewer sees the replacement against the file they asked to replace, not the wrong one in between.
  await expect(admin.getByText(/^Replaces/)).toHaveCount(1);
  await expect(admin.getByText(/^Replaces/)).not.toContainText("wrong-file");
  await admin.getByRole("button", { name: "Approve" }).click();
  // The reviewer approves the amount the partner was shown.
  await expect(admin.getByRole("alertdialog").getByTestId("quote-amount")).toHaveText(quotedAmount);
  await admin.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(admin.getByText(/Approved\. CLASSOUND is active until/)).toBeVisible();

  await partner.goto("/activations");
  await expect(
    partner
      .getByRole("table", { name: "PBXs and their CLASSOUND eligibility" })
      .getByRole("row", { name: new RegExp(pbxName) }),
  ).toContainText(`Active until ${termExpiry}`);
  await partner.goto(requestPath);
  await expect(partner.getByText("CLASSOUND is active", { exact: true })).toBeVisible();
  // The approval notification names the same amount, and the date the way pages write dates.
  await partner.goto("/notifications");
  const notice = partner.getByText(`CLASSOUND is now active on PBX ${pbxName}`);
  await expect(notice).toContainText(`until ${termExpiry}`);
  await expect(notice).toContainText(`First charge ${quotedAmount}`);
  await partner.goto(`/pbxs/${tenant.pbx.id}`);
  await expect(partner.getByTestId("charge-amount")).toHaveText(quotedAmount);
});
