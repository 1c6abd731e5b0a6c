import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";
import { makeTenant, makeTenantUser, TEST_PASSWORD, type Tenant } from "@/lib/testing/fixtures";

export type Role = (typeof DEMO_LOGINS)[number]["role"];
export const ROLES = ["ADMIN", "PARTNER", "END_USER"] as const satisfies readonly Role[];
export const HOME: Record<Role, string> = { ADMIN: "/admin", PARTNER: "/partner", END_USER: "/customer" };

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

/** For read-only checks of the demo data; a test that changes anything makes its own tenant. */
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

// The server's database: `npm start` writes its URL into the data directory playwright.config.ts gives it.
function e2eDatabaseUrl() {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const dir = process.env.E2E_DATA_DIR ?? `.data/e2e-${process.env.E2E_PORT ?? 3100}`;
  return readFileSync(databaseUrlFile(dir), "utf8").trim();
}

export interface SignedIn {
  page: Page;
  context: BrowserContext;
  email: string;
}

interface Fixtures {
  /** A fresh partner with one customer and one eligible PBX, for this test only. */
  tenant: Tenant;
  /** A fresh user of `tenant` (or of the tenant given) in its own browser context, signed in through the sign-in page. */
  signInAs: (role: Role, tenant?: Pick<Tenant, "partner" | "customer">) => Promise<SignedIn>;
  axeOnEveryPage: void;
}

export const test = base.extend<Fixtures, { db: Db }>({
  db: [
    async ({}, use) => {
      const db = createPrismaClient(e2eDatabaseUrl(), 2);
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  tenant: async ({ db }, use) => {
    // Far from any term boundary, so the PBX stays eligible whatever day the suite runs.
    const now = Date.now();
    await use(await makeTenant(db, { termStart: new Date(now - 30 * 86_400_000), termExpiry: new Date(now + 300 * 86_400_000) }));
  },

  signInAs: async ({ browser, db, tenant }, use) => {
    await use(async (role, of = tenant) => {
      const user = await makeTenantUser(db, role, of);
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, user.email, TEST_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`${HOME[role]}$`));
      return { page, context, email: user.email };
    });
  },

  // Every page of every context the test opened gets an axe check as the test leaves it.
  axeOnEveryPage: [
    async ({ browser, context }, use, testInfo) => {
      const opened = trackContexts(browser, context);
      try {
        await use();
      } finally {
        opened.stop();
      }
      if (testInfo.status !== testInfo.expectedStatus) return;
      for (const ctx of opened.contexts) {
        for (const page of ctx.pages()) if (!page.isClosed() && page.url().startsWith("http")) await expectAccessible(page);
      }
    },
    { auto: true },
  ],
});

function trackContexts(browser: Browser, first: BrowserContext) {
  const contexts = [first];
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
    const context = await original.apply(this, args);
    contexts.push(context);
    return context;
  };
  return { contexts, stop: () => void (browser.newContext = original) };
}

export { expect };
