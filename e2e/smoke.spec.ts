import { chromium } from "@playwright/test";
import { expect, test } from "./fixtures";

// Playwright only guarantees its own Chromium build; this fails loudly if Debian's cannot start.
test("Debian Chromium starts and renders the sign-in page", async ({ page, browserName }) => {
  expect(browserName).toBe("chromium");
  expect(chromium.executablePath()).toBeTruthy();
  const response = await page.goto("/sign-in");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Sign in to the partner portal" })).toBeVisible();
});
