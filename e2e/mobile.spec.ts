import type { Page } from "@playwright/test";
import { expect, expectAccessible, ROLES, test } from "./fixtures";
import { pageIds, portalPages } from "./portal-pages";

const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways: 0 when everything fits the screen. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.use({ viewport: PHONE });

for (const role of ROLES) {
  test(`every page fits a phone's width for ${role}`, async ({ db, tenant, signInAs }) => {
    // Every page, with axe on each, on a machine shared by several suites.
    test.setTimeout(420_000);
    const partner = await signInAs("PARTNER");
    await partner.page.setViewportSize(PHONE);
    const ids = await pageIds(db, partner.page, tenant);
    const { page } = role === "PARTNER" ? partner : await signInAs(role);
    await page.setViewportSize(PHONE);
    const tooWide: string[] = [];
    for (const url of portalPages(ids)) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(500);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) tooWide.push(`${url} by ${overflow} px`);
      // A table that scrolls inside its own region must be reachable by keyboard at this width too.
      await expectAccessible(page);
      if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/mobile/${role}${url.replaceAll("/", "_")}.png`, fullPage: true });
    }
    expect(tooWide, "pages that scroll sideways at 390 px").toEqual([]);
  });
}

test("the navigation drawer works by keyboard alone", async ({ signInAs }) => {
  const { page } = await signInAs("PARTNER");
  await page.setViewportSize(PHONE);
  const menu = page.getByRole("button", { name: /^Menu/ });
  await expect(menu).toBeVisible();
  // The sidebar is gone at this width: the only navigation is behind the button.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "CLASSOUND" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Activations" })).toBeVisible();

  // Focus stays inside the drawer however far the user tabs.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link opens the page and closes the drawer.
  await page.keyboard.press("Enter");
  await drawer.getByRole("link", { name: "Customers" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers$/);
  await expect(drawer).toBeHidden();
});

test("the sidebar stays on a desktop screen", async ({ signInAs }) => {
  const { page } = await signInAs("PARTNER");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
});
