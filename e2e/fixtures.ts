import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";
import { localDriver } from "@/lib/storage/local-driver";
import { makeTenant, makeTenantUser, TEST_PASSWORD, type Tenant } from "@/lib/testing/fixtures";

export type Role = (typeof DEMO_LOGINS)[number]["role"];
export const ROLES = ["ADMIN", "PARTNER", "END_USER"] as const satisfies readonly Role[];
export const HOME: Record<Role, string> = { ADMIN: "/admin", PARTNER: "/partner", END_USER: "/customer" };

/** Fails on any accessibility violation above minor of the page as it is now (or of the part `include` selects). */
export async function expectAccessible(page: Page, include?: string) {
  const axe = new AxeBuilder({ page });
  const results = await (include ? axe.include(include) : axe).analyze();
  // Moderate too: duplicate landmarks and unnamed regions are moderate, and they confuse screen-reader navigation.
  const blocking = results.violations.filter((v) => v.impact !== "minor");
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

/** The server's data directory, as playwright.config.ts gives it to `npm start`. */
export const e2eDataDir = () => process.env.E2E_DATA_DIR ?? `.data/e2e-${process.env.E2E_PORT ?? 3100}`;

/** Files stored by a fixture go where the server reads them. */
export const e2eStorage = () => localDriver(path.join(e2eDataDir(), "uploads"));

// `npm start` writes the URL of the database it opened into its data directory.
function e2eDatabaseUrl() {
  return process.env.E2E_DATABASE_URL ?? readFileSync(databaseUrlFile(e2eDataDir()), "utf8").trim();
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
    async ({}, provide) => {
      const db = createPrismaClient(e2eDatabaseUrl(), 2);
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  tenant: async ({ db }, provide) => {
    // Far from any term boundary, so the PBX stays eligible whatever day the suite runs.
    const now = Date.now();
    await provide(await makeTenant(db, { termStart: new Date(now - 30 * 86_400_000), termExpiry: new Date(now + 300 * 86_400_000) }));
  },

  signInAs: async ({ browser, db, tenant }, provide) => {
    await provide(async (role, of = tenant) => {
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
    async ({ browser, context }, provide, testInfo) => {
      const opened = trackContexts(browser, context);
      try {
        await provide();
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
