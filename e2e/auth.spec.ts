import { newTotpSecret } from "@/lib/auth/totp";
import { unsafeDeliverOutboxEmail } from "@/lib/mail/delivery";
import { smtpSender } from "@/lib/mail/transport";
import { makeTenantUser } from "@/lib/testing/fixtures";
import { startSmtpServer } from "@/lib/testing/smtp";
import { demoLogin, expect, expectAccessible, signIn, test } from "./fixtures";

// Signing in with the demo accounts only reads; whatever records a failure or ends a session uses a user of its own.

test.describe("signing in", () => {
  test("an admin lands on the operations dashboard", async ({ page }) => {
    await signIn(page, demoLogin("ADMIN").email);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Operations dashboard" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Price list" })).toBeVisible();
  });

  test("a partner lands on its dashboard and sees only its PBXs", async ({ page }) => {
    const login = demoLogin("PARTNER");
    await signIn(page, login.email);
    await expect(page).toHaveURL(/\/partner$/);
    await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "PBXs" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Partner/ })).toHaveCount(0);
  });

  test("an end user lands on its overview without partner links", async ({ page }) => {
    await signIn(page, demoLogin("END_USER").email);
    await expect(page).toHaveURL(/\/customer$/);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Price list" })).toHaveCount(0);
  });

  test("a wrong password shows an error and stays on the sign-in page", async ({ page, db, tenant }) => {
    await signIn(page, (await makeTenantUser(db, "PARTNER", tenant)).email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the form explains an empty field next to it", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
    await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  });
});

test("an admin who forgot the password gets a link by mail, chooses a new one and signs in with a code", async ({
  page,
  db,
  tenant,
}) => {
  const admin = await makeTenantUser(db, "ADMIN", tenant);
  const secret = newTotpSecret();
  await db.user.update({ where: { id: admin.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in form has an "E-mail" field too: fill the new page's, once it is there.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("Check your mail")).toBeVisible();

  // The e2e server has no SMTP_URL: its mail waits in the outbox, and goes out here to a real SMTP server.
  const smtp = await startSmtpServer();
  try {
    // Admins are mailed about other tests' tickets and requests too: the reset mail is found by its subject.
    const row = await db.outboxEmail.findFirstOrThrow({
      where: { AND: [{ to: admin.email }, { subject: "Reset your password" }] },
    });
    const send = smtpSender({ SMTP_URL: smtp.url(), MAIL_FROM: "CLASSOUND portal <no-reply@classound.example>" })!;
    expect(await unsafeDeliverOutboxEmail(db, row.id, send)).toBe("sent");
    const [mail] = await smtp.waitFor(1);
    await page.goto(mail!.part("text/plain").match(/https?:\/\/\S+/)![0]);
  } finally {
    await smtp.stop();
  }
  const password = "a new passphrase for the admin";
  await page.getByLabel(/^New password\*?$/).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set")).toBeVisible();
  await signIn(page, admin.email, password, secret);
  await expect(page).toHaveURL(/\/admin$/);
});

test.describe("access", () => {
  test("a partner opening an admin URL is refused with a 403 page", async ({ signInAs }) => {
    const { page } = await signInAs("PARTNER");
    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/pbxs");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an unknown page answers 404", async ({ signInAs }) => {
    const { page } = await signInAs("ADMIN");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("signing out ends the session", async ({ signInAs }) => {
    const { page } = await signInAs("END_USER");
    await page.goto("/customer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/customer");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });
});
