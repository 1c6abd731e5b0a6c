import { chromium } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

// Playwright only guarantees its own Chromium build; this fails loudly if Debian's cannot start.
test("Debian Chromium starts and renders the sign-in page", async ({ page, browserName }) => {
  expect(browserName).toBe("chromium");
  expect(chromium.executablePath()).toBeTruthy();
  const response = await page.goto("/sign-in");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Sign in to the partner portal" })).toBeVisible();
});

// The axe check every test ends with (fixtures.ts runs axe-core itself, not through AxeBuilder) must
// be able to fail: a page with an unlabelled field, an image without a text alternative, and grey text on
// white twice (its colours parsed once, then remembered: both must be found). The page is static HTML:
// violations injected into a React page can be wiped by a late hydration (a CI run saw it).
test("the accessibility check finds violations where there are some", async ({ page }) => {
  await page.goto("/sign-in");
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Violations</title></head>' +
      '<body><main><h1>Violations</h1><img src="data:,"><input type="text">' +
      '<p style="color:#bbb;background:#fff">Faint</p><p style="color:#bbb;background:#fff">Fainter</p></main></body></html>',
  );
  const failure = expectAccessible(page).then(
    () => "",
    (error: Error) => error.message,
  );
  expect(await failure).toMatch(/image-alt \(critical\)/);
  expect(await failure).toMatch(/label \(critical\)/);
  expect(await failure).toMatch(/color-contrast \(serious\)[^,]*p:nth-child\(4\)[^,]*p:nth-child\(5\)/);
  // Left clean for the check after the test.
  await page.goto("/sign-in");
});
