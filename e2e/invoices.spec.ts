import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { makeTenant } from "@/lib/testing/fixtures";
import { expect, expectAccessible, LAPTOP, makeBillableTenant, PHONE, reviewScreens, test } from "./fixtures";

// Issue 33: an admin runs a partner's month, reviews the draft, issues it and downloads its PDF; the
// partner finds it on /billing; another partner gets the 404 of a missing invoice, page and PDF alike.
test("an admin runs a month, issues the draft, and only its partner sees it", async ({ db, signInAs }) => {
  test.setTimeout(180_000);
  const { tenant, month } = await makeBillableTenant(db);
  const { page: admin } = await signInAs("ADMIN", tenant);

  await admin.goto("/admin/invoices");
  await expect(admin.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  for (const size of [PHONE, LAPTOP]) {
    await admin.setViewportSize(size);
    await expectAccessible(admin);
  }
  await reviewScreens(admin, "admin-invoices");

  // The run form: the partner found on the server by part of its name, last month.
  const run = admin.getByRole("form", { name: "Run a month" });
  await run.getByRole("combobox", { name: "Partner" }).fill(tenant.partner.name);
  await admin.getByRole("option", { name: tenant.partner.name }).click();
  await run.getByLabel("Month").fill(month);
  await run.getByRole("button", { name: "Run month" }).click();
  await expect(run.getByText("Run queued")).toBeVisible();

  // The list refreshes itself until the job has built the draft.
  const list = admin.getByRole("table", { name: "Invoices" });
  const draftRow = list.getByRole("row").filter({ hasText: tenant.partner.name });
  await expect(draftRow).toContainText("Draft", { timeout: 90_000 });
  await draftRow.getByRole("link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(`Draft: ${tenant.partner.name}`);
  await expect(
    admin.getByRole("region", { name: `Lines of ${tenant.pbx.name} · ${tenant.customer.name}` }),
  ).toContainText("715.20");
  await reviewScreens(admin, "admin-invoice-draft");

  // Issued by keyboard: the button, the confirmation dialog, its confirm button.
  await admin.getByRole("button", { name: "Issue invoice" }).focus();
  await admin.keyboard.press("Enter");
  const dialog = admin.getByRole("alertdialog", { name: "Issue this invoice?" });
  await expect(dialog).toBeVisible();
  // Checked once it has faded in: half-way, its buttons' colours are not yet theirs.
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await expectAccessible(admin);
  const confirm = dialog.getByRole("button", { name: "Issue invoice" });
  for (let i = 0; i < 5 && !(await confirm.evaluate((el) => el === document.activeElement)); i++)
    await admin.keyboard.press("Tab");
  await admin.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const heading = admin.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(/Invoice \d{4}-\d+/);
  const number = (await heading.textContent())!.match(/\d{4}-\d+/)![0];
  const invoiceId = new URL(admin.url()).pathname.split("/").pop()!;
  await expect(admin.getByRole("button", { name: "Issue invoice" })).toHaveCount(0);
  await reviewScreens(admin, "admin-invoice-issued");

  // The PDF carries the number.
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "PDF of the invoice" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`CLASSOUND-invoice-${number}.pdf`);
  const file = (await download.path())!;
  expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
  expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain(number);

  // A credit note, then the payment of the rest: a malformed amount is said beside its field.
  await admin.getByRole("button", { name: "Credit note" }).click();
  const credit = admin.getByRole("dialog", { name: `Credit invoice ${number}` });
  await credit.getByLabel("Amount before VAT (EUR)").fill("10.00");
  await credit.getByLabel("Reason").fill("Goodwill for an outage");
  await credit.getByRole("button", { name: "Issue credit note" }).click();
  await expect(credit).toBeHidden();
  const notes = admin.getByRole("table", { name: "Credit notes of this invoice" });
  await expect(notes).toContainText("Goodwill for an outage");
  const creditNumber = (await notes.getByRole("cell").first().textContent())!.trim();

  await admin.getByRole("button", { name: "Mark paid" }).click();
  const pay = admin.getByRole("dialog", { name: "Record a payment" });
  await pay.getByLabel("Amount (EUR)").fill("12,50");
  await pay.getByLabel("Bank reference").fill("BANK-E2E-1");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByLabel("Amount (EUR)")).toHaveAccessibleDescription(/Enter an amount like 120\.50/);
  await expectAccessible(admin);
  const rest = (await admin.getByTestId("invoice-outstanding").textContent())!.replace(/[^\d.]/g, "");
  await pay.getByLabel("Amount (EUR)").fill(rest);
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay).toBeHidden();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Paid");
  await expect(admin.getByRole("button", { name: "Mark paid" })).toHaveCount(0);

  // The partner: on /billing, at both widths, and its page.
  const { page: partner } = await signInAs("PARTNER", tenant);
  await partner.goto("/billing");
  const row = partner.getByRole("table", { name: "Invoices" }).getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Paid");
  for (const size of [PHONE, LAPTOP]) {
    await partner.setViewportSize(size);
    await expectAccessible(partner);
  }
  await expect(partner.getByRole("table", { name: "Credit notes" })).toContainText(creditNumber);
  await reviewScreens(partner, "partner-billing");
  await row.getByRole("link", { name: number }).click();
  await expect(partner.getByRole("heading", { level: 1 })).toContainText(`Invoice ${number}`);
  await expect(partner.getByRole("button", { name: "Issue invoice" })).toHaveCount(0);
  await partner.setViewportSize(PHONE);
  await expectAccessible(partner);
  await reviewScreens(partner, "partner-invoice");
  expect((await partner.request.get(`/api/invoices/${invoiceId}/pdf`)).status()).toBe(200);

  // Another partner: the page and both documents are the 404 of a missing invoice.
  const other = await makeTenant(db);
  const { page: stranger } = await signInAs("PARTNER", other);
  expect((await stranger.goto(`/billing/invoices/${invoiceId}`))?.status()).toBe(404);
  for (const url of [`/api/invoices/${invoiceId}/pdf`, `/api/invoices/${invoiceId}/csv`, "/api/invoices/not-an-id/pdf"])
    expect((await stranger.request.get(url)).status(), url).toBe(404);
});

test("an admin imports a payments file and reads each refused row with its line and reason", async ({ signInAs }) => {
  const { page } = await signInAs("ADMIN");
  await page.goto("/admin/invoices");
  const form = page.getByRole("form", { name: "Import payments" });
  await form.getByLabel("Payments file (CSV)").setInputFiles({
    name: "payments.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("invoice_number,amount,paid_on,reference\n2099-999999,10.00,2026-11-30,BANK-X\n"),
  });
  await form.getByRole("button", { name: "Import payments" }).click();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("0 payments recorded");
  await expect(page.getByTestId("refused-line-2")).toBeVisible();
  await expectAccessible(page);
});
