import type { Browser, Page } from "@playwright/test";
import { demoLogin, expect, signIn, test, useSessionOf } from "./fixtures";

const PASSWORD = "a long and fresh passphrase";
// Sign-in (argon2, then the home page's queries) can be slow on a busy shared CI machine.
const SIGNED_IN = { timeout: 30_000 };

/** As the signed-in admin: creates a partner user of the first partner and returns the one-time link. */
async function createPartnerUser(page: Page, name: string, email: string) {
  await page.goto("/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByLabel("Role").selectOption("PARTNER");
  await dialog.getByRole("combobox", { name: "Partner", exact: true }).selectOption({ label: "Brightline Voice Ltd" });
  await dialog.getByRole("button", { name: "Create user" }).click();
  const link = await page
    .getByRole("dialog", { name: "User created" })
    .getByLabel("One-time set-password link")
    .inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  // The list is paged: the new account is found by its e-mail.
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  return link;
}

/** Opens the link in a fresh browser context (no session), chooses the password and signs in. */
async function setPasswordAndSignIn(browser: Browser, link: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`for ${email}`)).toBeVisible();
  await page.getByLabel(/^New password\*?$/).fill(PASSWORD);
  await page.getByLabel("New password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set")).toBeVisible();
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/partner$/, SIGNED_IN);
  return { context, page };
}

const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@brightlinevoice.example`;

test.describe("user management", () => {
  test("an admin creates a partner user, who sets a password through the one-time link and signs in", async ({
    page,
    browser,
    db,
  }) => {
    await useSessionOf(page, db, demoLogin("ADMIN").email);
    await expect(page).toHaveURL(/\/admin$/, SIGNED_IN);
    const email = uniqueEmail("new.colleague");
    const link = await createPartnerUser(page, "Nia Newcomer", email);

    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Partner user");
    await expect(row).toContainText("Brightline Voice Ltd");

    const { context, page: newcomer } = await setPasswordAndSignIn(browser, link, email);
    // The link works once.
    await newcomer.goto(link);
    await expect(newcomer.getByText("This link cannot be used")).toBeVisible();
    await context.close();

    // The mail went through the outbox with the same link.
    await page.goto("/admin/outbox");
    await expect(page.getByText(email).first()).toBeVisible();
  });

  test("a disabled user's open session stops working within about a minute", async ({ page, browser, db }) => {
    test.slow();
    await useSessionOf(page, db, demoLogin("ADMIN").email);
    await expect(page).toHaveURL(/\/admin$/, SIGNED_IN);
    const email = uniqueEmail("soon.disabled");
    const link = await createPartnerUser(page, "Dana Disabled", email);
    const { context, page: victim } = await setPasswordAndSignIn(browser, link, email);

    await page.getByRole("button", { name: "Disable Dana Disabled" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Disabled");

    const disabledAt = Date.now();
    await expect(async () => {
      await victim.goto("/pbxs");
      expect(victim.url()).toMatch(/\/sign-in/);
    }).toPass({ timeout: 70_000, intervals: [5_000] });
    expect(Date.now() - disabledAt).toBeLessThan(70_000);
    await context.close();
  });

  test("a partner admin sees only its own people and cannot grant admin access", async ({ page, db }) => {
    await useSessionOf(page, db, demoLogin("PARTNER").email);
    await expect(page).toHaveURL(/\/partner$/, SIGNED_IN);
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByText("lukas.hofmann@alpentel.example")).toBeVisible();
    await expect(table.getByText("j.schneider@weber-maschinenbau.example")).toBeVisible();
    await expect(table.getByText("nuvolatel.example")).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: /Partner/ })).toHaveCount(0);

    await page.getByRole("button", { name: "New user" }).click();
    await expect(
      page.getByRole("dialog").getByLabel("Role").locator("option", { hasText: "Operator admin" }),
    ).toHaveCount(0);
    await page.keyboard.press("Escape");
  });

  test("a partner colleague who is not an admin has no users page", async ({ page, db }) => {
    await useSessionOf(page, db, "lukas.hofmann@alpentel.example");
    await expect(page).toHaveURL(/\/partner$/, SIGNED_IN);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await page.goto("/users");
    expect(response?.status()).toBe(403);
  });

  test("the users page works at phone width", async ({ page, db }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await useSessionOf(page, db, demoLogin("ADMIN").email);
    await expect(page).toHaveURL(/\/admin$/, SIGNED_IN);
    await page.goto("/users?role=ADMIN&q=support%40classound.example");
    await expect(page.getByRole("table", { name: "Users" }).getByText("support@classound.example")).toBeVisible();
    await page.getByRole("button", { name: "New user" }).click();
    await expect(
      page.getByRole("dialog", { name: "New user" }).getByRole("button", { name: "Create user" }),
    ).toBeInViewport();
  });
});

test.describe("own account", () => {
  test("changing one's password needs the current one, explained beside the field", async ({ page, db }) => {
    await useSessionOf(page, db, demoLogin("END_USER").email);
    await expect(page).toHaveURL(/\/customer$/, SIGNED_IN);
    await page.getByRole("link", { name: "My account" }).click();
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel(/^New password\*?$/).fill(PASSWORD);
    await page.getByLabel("New password again").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("This is not your current password.")).toBeVisible();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  });
});
