import type { Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  HOME,
  LAPTOP,
  makeE2eTenant,
  mintedSession,
  PHONE,
  ROLES,
  test as base,
} from "./fixtures";
import { hostileInputFailures } from "./hostile-input";
import { appPages, pageIds, portalPages, type PageIds } from "./portal-pages";
import type { Tenant } from "@/lib/testing/fixtures";

// One sweep over every page of every role (the list in portal-pages.ts), each page opened once: at a
// phone's width it must not scroll sideways and must pass axe. Widened to a laptop's (no reload), it
// must not scroll sideways either and must pass axe again, over the whole page, for the first role of
// admin, partner and end user that opens it: the laptop layout (sidebar, table columns) is the same
// for every role, and the flows' specs leave their pages at desktop width too, each checked by axe
// (a laptop pass for every role was a quarter of the sweep's time, decision 0050). A page a role may
// not open must answer 403 (asked without a browser: the 403 page itself is rendered and checked once
// a test), and the pages that send a signed-in user home must redirect there. Then every page and
// route gets hostile query strings, ids and bodies, which must never answer 5xx. The sweep is cut into
// tests of a few pages each, so the suite's workers share it and no single test is the suite's
// critical path; the tenant whose rows the pages show is made once per worker (its rows are only
// read), and each role signs in as a user of it, so a partner's and an end user's detail pages show
// their own PBX, ticket and order.
const PAGES_PER_TEST = 10;

interface Sweep {
  tenant: Tenant;
  ids: PageIds;
}

const test = base.extend<object, { sweep: Sweep }>({
  sweep: [
    async ({ db, browser }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const tenant = await makeE2eTenant(db);
      const partner = await mintedSession(browser, db, "PARTNER", tenant, baseURL);
      const ids = await pageIds(db, partner, tenant);
      await partner.context.close();
      await provide({ tenant, ids });
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

// The laptop pass checks what the phone's layout hid (the sidebar, filter panels, table headers):
// the rest of the page is the same document the phone pass has just checked (decision 0051).
const MARKS = { hidden: "data-sweep-hidden", revealed: "data-sweep-revealed" };

/** Marks every element the phone's layout does not show. */
function markHidden({ hidden }: typeof MARKS) {
  for (const element of document.body.querySelectorAll("*"))
    if (!element.checkVisibility()) element.setAttribute(hidden, "");
}

/** Marks the outermost elements the widening showed; how many there are. */
function markRevealed({ hidden, revealed }: typeof MARKS) {
  let count = 0;
  for (const element of document.body.querySelectorAll(`[${hidden}]`)) {
    const parent = element.parentElement?.closest(`[${hidden}]`);
    if (element.checkVisibility() && !(parent && parent.checkVisibility())) {
      element.setAttribute(revealed, "");
      count++;
    }
  }
  return count;
}

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
    test(`pages ${from + 1}-${to} for ${role}: fit a phone and a laptop, accessible`, async ({
      db,
      browser,
      baseURL,
      sweep,
    }) => {
      const { context } = await mintedSession(browser, db, role, sweep.tenant, baseURL!);
      const page = await context.newPage();
      const tooWide: string[] = [];
      const pages = portalPages(sweep.ids);
      // The 403 page is the same page whichever page refused: the role's first refusal renders it.
      const forbiddenPageShown = pages.findIndex((p) => !p.opens.includes(role));
      for (let index = from; index < to; index++) {
        const { url, opens, redirectsHome } = pages[index]!;
        if (!opens.includes(role) && index !== forbiddenPageShown) {
          expect((await context.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403);
          continue;
        }
        if (redirectsHome) {
          const response = await context.request.get(url, { maxRedirects: 0 });
          expect(response.status(), url).toBe(307);
          expect(new URL(response.headers().location, baseURL).pathname, url).toBe(HOME[role]);
          continue;
        }
        await page.setViewportSize(PHONE);
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(opens.includes(role) ? 200 : 403);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) tooWide.push(`${url} by ${overflow} px at 390 px`);
        const firstToOpen = ROLES.find((r) => opens.includes(r)) === role;
        // A table that scrolls inside its own region must be reachable by keyboard at this width too.
        // Colour contrast depends on the components' styles, the same for every role: the first role
        // that opens the page checks it, the others every other rule (decision 0051).
        await expectAccessible(page, { contrast: firstToOpen || !opens.includes(role) });
        if (process.env.E2E_SCREENSHOTS)
          await page.screenshot({ path: `test-results/mobile/${role}${url.replaceAll("/", "_")}.png`, fullPage: true });
        if (!firstToOpen) continue;
        await page.evaluate(markHidden, MARKS);
        await page.setViewportSize(LAPTOP);
        const laptopOverflow = await sidewaysOverflow(page);
        if (laptopOverflow > 0) tooWide.push(`${url} by ${laptopOverflow} px at 1280 px`);
        if (await page.evaluate(markRevealed, MARKS)) await expectAccessible(page, { include: `[${MARKS.revealed}]` });
      }
      expect(tooWide, "pages that scroll sideways").toEqual([]);
      // Closed here: the after-test axe check would only repeat the one above.
      await page.close();
    });
  }
}

for (const role of [...ROLES, "signed out"] as const) {
  test(`no page or route answers 5xx to bad input for ${role}`, async ({ db, browser, baseURL, sweep, playwright }) => {
    // A few thousand requests; on this 2-core machine at a load of 20 a role once needed minutes.
    test.setTimeout(600_000);
    const request =
      role === "signed out"
        ? await playwright.request.newContext({ baseURL })
        : (await mintedSession(browser, db, role, sweep.tenant, baseURL!)).context.request;
    expect(await hostileInputFailures(request, sweep.ids, baseURL!, role)).toEqual([]);
  });
}
