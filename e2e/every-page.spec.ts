import type { Page } from "@playwright/test";
import { expect, expectAccessible, ROLES, test } from "./fixtures";
import { hostileInputFailures } from "./hostile-input";
import { pageIds, portalPages } from "./portal-pages";

// One sweep over every page of every role (the list in portal-pages.ts), each page opened once: at a
// phone's width it must not scroll sideways and must pass axe. Widened to a desktop's (no reload), the
// one part shown only there, the sidebar, must pass axe too: the rest is the same DOM, already checked
// (axe is most of the sweep's time, so the whole page is not checked twice). Then every page and route
// gets hostile query strings, ids and bodies, which must never answer 5xx. This replaces three sweeps
// (axe at desktop width, phone width, hostile input) that each visited every page.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** What only a desktop-wide window shows: the sidebar (a drawer behind the menu button below 768 px). */
const DESKTOP_ONLY = 'nav[aria-label="Main"]';

/** How far the page scrolls sideways: 0 when everything fits the screen. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const role of [...ROLES, "signed out"] as const) {
  test(`every page for ${role}: fits a phone, accessible at both widths, no 5xx on bad input`, async ({ db, tenant, signInAs, playwright, baseURL }) => {
    // Every page with axe, then a few thousand hostile requests. On this 2-core machine at a load of 20
    // (five suites at once) axe took ~20 s a page and a role needed ~14 min; alone it is a fraction.
    test.setTimeout(1_200_000);
    const partner = await signInAs("PARTNER");
    const ids = await pageIds(db, partner.page, tenant);

    if (role === "signed out") {
      const request = await playwright.request.newContext({ baseURL });
      expect(await hostileInputFailures(request, ids, baseURL!)).toEqual([]);
      return;
    }

    const { page } = role === "PARTNER" ? partner : await signInAs(role);
    const tooWide: string[] = [];
    let forbiddenPageChecked = false;
    for (const url of portalPages(ids)) {
      await page.setViewportSize(PHONE);
      const response = await page.goto(url);
      // Every role opens every page: another role's pages must answer 403, not fail.
      const status = response?.status();
      expect(status, url).toBeLessThan(500);
      // The 403 page is the same page whichever URL refused: its layout and axe are checked once a role.
      if (status === 403) {
        if (forbiddenPageChecked) continue;
        forbiddenPageChecked = true;
      }
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) tooWide.push(`${url} by ${overflow} px`);
      // A table that scrolls inside its own region must be reachable by keyboard at this width too.
      await expectAccessible(page);
      if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/mobile/${role}${url.replaceAll("/", "_")}.png`, fullPage: true });
      await page.setViewportSize(DESKTOP);
      if (await page.locator(DESKTOP_ONLY).isVisible()) await expectAccessible(page, DESKTOP_ONLY);
    }
    expect(tooWide, "pages that scroll sideways at 390 px").toEqual([]);

    expect(await hostileInputFailures(page.request, ids, baseURL!)).toEqual([]);
  });
}
