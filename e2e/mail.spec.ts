import { startActivationRequest } from "@/lib/activations/start-request";
import { notifyPartner } from "@/lib/notifications/notify";
import { actorOf, makeTenantUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { demoLogin, expect, reviewScreens, reviewShot, test, useSessionOf } from "./fixtures";

test("a partner opens a mail's link while signed out, signs in, and lands on the request", async ({
  browser,
  db,
  tenant,
  baseURL,
}) => {
  const user = await makeTenantUser(db, "PARTNER", tenant);
  const request = await startActivationRequest(db, actorOf(user), tenant.pbx.id);
  // The server builds links from the same NEXTAUTH_URL (playwright.config.ts gives it the base URL).
  process.env.NEXTAUTH_URL = baseURL;
  await notifyPartner(db, tenant.partner.id, {
    title: "Changes requested on an activation",
    body: "Replace the letter of authority.",
    link: `/activations/${request.id}`,
  });
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
  const link = mail.text.match(/https?:\/\/\S+/)![0];
  expect(link).toBe(`${baseURL}/activations/${request.id}`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/activations/${request.id}$`), { timeout: 30_000 });
  await context.close();
});

test("an admin sees the job queues and the outbox; a partner chooses which events reach them by mail", async ({
  page,
  db,
  signInAs,
}) => {
  await useSessionOf(page, db, demoLogin("ADMIN").email);
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Outbox sweep/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Outbox sweep/ }).getByRole("cell", { name: "0 * * * *" })).toBeVisible();
  await reviewScreens(page, "jobs");
  await page.goto("/admin/outbox");
  // Seeding never sends: the demo requests' mails are written as already delivered.
  await expect(page.getByText(/^Sent /).first()).toBeVisible();
  await reviewShot(page, "outbox");

  const partner = await signInAs("PARTNER");
  await partner.page.goto("/settings");
  const activation = partner.page.getByLabel("Activation requests");
  await expect(activation).toBeChecked();
  await activation.uncheck();
  await partner.page.getByRole("button", { name: "Save" }).click();
  await expect(partner.page.getByText("Mail settings saved", { exact: true })).toBeVisible();
  await partner.page.reload();
  await expect(partner.page.getByLabel("Activation requests")).not.toBeChecked();
  await expect(partner.page.getByLabel("Expiring compliance documents")).toBeChecked();
  await reviewScreens(partner.page, "mail-settings");
});
