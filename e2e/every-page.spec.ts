import type { Page } from "@playwright/test";
import { expect, expectAccessible, makeE2eTenant, mintedSession, ROLES, test as base } from "./fixtures";
import { hostileInputFailures } from "./hostile-input";
import { appPages, pageIds, portalPages, type PageIds } from "./portal-pages";

// One sweep over every page of every role (the list in portal-pages.ts), each page opened once: at a
// phone's width it must not scroll sideways and must pass axe; widened to a desktop's (no reload) it
// must pass axe again, over the whole page. Then every page and route gets hostile query strings, ids
// and bodies, which must never answer 5xx. The sweep is cut into tests of a few pages each, so the
// suite's workers share it and no single test is the suite's critical path; the rows the pages show
// are made once per worker (they are only read).
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const PAGES_PER_TEST = 10;

const test = base.extend<object, { sweepIds: PageIds }>({
  sweepIds: [
    async ({ db, browser }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const tenant = await makeE2eTenant(db);
      const partner = await mintedSession(browser, db, "PARTNER", tenant, baseURL);
      const ids = await pageIds(db, partner, tenant);
      await partner.context.close();
      await provide(ids);
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

/** How far the page scrolls sideways: 0 when everything fits the screen. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("the sweep lists every page of the app", () => {
  const listed = portalPages({} as PageIds).map((p) => p.route);
  expect(new Set(listed).size, "a page listed twice").toBe(listed.length);
  expect([...listed].sort()).toEqual(
    appPages()
      .map((p) => p.route)
      .sort(),
  );
});

const pageCount = portalPages({} as PageIds).length;
const chunks = Array.from(
  { length: Math.ceil(pageCount / PAGES_PER_TEST) },
  (_, i) => [i * PAGES_PER_TEST, Math.min(pageCount, (i + 1) * PAGES_PER_TEST)] as const,
);

for (const role of ROLES) {
  for (const [from, to] of chunks) {
    test(`pages ${from + 1}-${to} for ${role}: fit a phone, accessible at both widths`, async ({
      db,
      browser,
      baseURL,
      sweepIds,
    }) => {
      const { context } = await mintedSession(browser, db, role, await makeE2eTenant(db), baseURL!);
      const page = await context.newPage();
      const tooWide: string[] = [];
      let forbiddenPageChecked = false;
      for (const { url } of portalPages(sweepIds).slice(from, to)) {
        await page.setViewportSize(PHONE);
        const response = await page.goto(url);
        // Every role opens every page: another role's pages must answer 403, not fail.
        const status = response?.status();
        expect(status, url).toBeLessThan(500);
        // The 403 page is the same page whichever URL refused: its layout and axe are checked once a test.
        if (status === 403) {
          if (forbiddenPageChecked) continue;
          forbiddenPageChecked = true;
        }
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) tooWide.push(`${url} by ${overflow} px`);
        // A table that scrolls inside its own region must be reachable by keyboard at this width too.
        await expectAccessible(page);
        if (process.env.E2E_SCREENSHOTS)
          await page.screenshot({ path: `test-results/mobile/${role}${url.replaceAll("/", "_")}.png`, fullPage: true });
        await page.setViewportSize(DESKTOP);
        await expectAccessible(page);
      }
      expect(tooWide, "pages that scroll sideways at 390 px").toEqual([]);
      // The last page is left at desktop width: the after-test axe check would only repeat the one above.
      await page.close();
    });
  }
}

for (const role of [...ROLES, "signed out"] as const) {
  test(`no page or route answers 5xx to bad input for ${role}`, async ({
    db,
    browser,
    baseURL,
    sweepIds,
    playwright,
  }) => {
    // A few thousand requests; on this 2-core machine at a load of 20 a role once needed minutes.
    test.setTimeout(600_000);
    const request =
      role === "signed out"
        ? await playwright.request.newContext({ baseURL })
        : (await mintedSession(browser, db, role, await makeE2eTenant(db), baseURL!)).context.request;
    expect(await hostileInputFailures(request, sweepIds, baseURL!)).toEqual([]);
  });
}
