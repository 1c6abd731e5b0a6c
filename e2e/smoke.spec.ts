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
// be able to fail: a page with an unlabelled field and an image without a text alternative.
test("the accessibility check finds violations where there are some", async ({ page }) => {
  await page.goto("/sign-in");
  await page.evaluate(() => {
    document.querySelector("main")!.insertAdjacentHTML("beforeend", '<img src="data:,"><input type="text">');
  });
  await expect(expectAccessible(page)).rejects.toThrow(
    /image-alt \(critical\)[\s\S]*label \(critical\)|label \(critical\)[\s\S]*image-alt \(critical\)/,
  );
  // Left clean for the check after the test.
  await page.goto("/sign-in");
});
