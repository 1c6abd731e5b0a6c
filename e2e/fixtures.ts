import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";

type Role = (typeof DEMO_LOGINS)[number]["role"];

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

export function demoLogin(role: Role, index = 0) {
  const login = DEMO_LOGINS.filter((l) => l.role === role)[index];
  if (!login) throw new Error(`No demo login for ${role} #${index}`);
  return login;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// Every test ends with an axe-core check of the page it was on.
export const test = base.extend<{ axeAfterEach: void }>({
  axeAfterEach: [
    async ({ page }, use) => {
      await use();
      if (page.url().startsWith("http")) await expectAccessible(page);
    },
    { auto: true },
  ],
});

export { expect };
