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
// be able to fail: a page with an unlabelled field and an image without a text alternative. The page is
// static HTML: violations injected into a React page can be wiped by a late hydration (a CI run saw it).
test("the accessibility check finds violations where there are some", async ({ page }) => {
  await page.goto("/sign-in");
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Violations</title></head>' +
      '<body><main><h1>Violations</h1><img src="data:,"><input type="text"></main></body></html>',
  );
  await expect(expectAccessible(page)).rejects.toThrow(
    /image-alt \(critical\)[\s\S]*label \(critical\)|label \(critical\)[\s\S]*image-alt \(critical\)/,
  );
  // Left clean for the check after the test.
  await page.goto("/sign-in");
});
