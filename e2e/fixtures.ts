import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { AxeResults } from "axe-core";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { totpCode } from "@/lib/auth/totp";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";
import { localDriver } from "@/lib/storage/local-driver";
import { makeCharge, makeService } from "@/lib/billing/testing";
import { makeTenant, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";
import { serverSecret, sessionCookie } from "./session-cookie";

export type Role = (typeof DEMO_LOGINS)[number]["role"];
export const ROLES = ["ADMIN", "PARTNER", "END_USER"] as const satisfies readonly Role[];
export const HOME: Record<Role, string> = { ADMIN: "/admin", PARTNER: "/partner", END_USER: "/customer" };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_INIT = `${AXE_SOURCE};(${memoiseColourParsing.toString()})();`;

/**
 * axe-core's violations on the page as it is now (or for the part `include` selects). AxeBuilder
 * injects axe twice per call and finishes each run in a new blank page, about half of a check's time
 * (docs/decisions/0035); the portal has no frames, so axe is injected once per document here and run
 * in the page itself, as AxeBuilder's legacy mode does. A page with frames still goes through AxeBuilder.
 */
async function axeViolations(
  page: Page,
  { include, contrast = true }: TAxeScope = {},
): Promise<AxeResults["violations"]> {
  const skipped = contrast ? [] : ["color-contrast"];
  if (page.frames().length > 1) {
    const axe = new AxeBuilder({ page }).disableRules(skipped);
    return (await (include ? axe.include(include) : axe).analyze()).violations;
  }
  if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function")))
    await page.evaluate(AXE_INIT);
  return page.evaluate(
    // Only violations carry every node, and only they come back: the passes and the rest (every
    // rule's description) would be built, serialised and validated by Playwright's protocol for nothing.
    async ({ selector, off }) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const results = await axe.run(selector ? { include: [selector] } : document, {
        resultTypes: ["violations"],
        rules: Object.fromEntries(off.map((rule) => [rule, { enabled: false }])),
      });
      return results.violations;
    },
    { selector: include ?? null, off: skipped },
  );
}

/** What an accessibility check covers: the part `include` selects (the whole page by default), with or without colour contrast. */
interface TAxeScope {
  include?: string;
  contrast?: boolean;
}

type Rgba = [r: number, g: number, b: number, alpha: number];
interface AxeColour {
  r: number;
  g: number;
  b: number;
  alpha: number;
  parseString(text: string): AxeColour;
}

/**
 * axe parses every computed colour it meets anew through colorjs.io, and colour-contrast is most of a
 * check (1.36 of /emergency's 1.40 s as admin). A page has a dozen distinct colours, and `parseString`
 * depends on its string alone, so its result is kept per string for the document's life: the same
 * findings, the check of /emergency in 0.98 s instead of 1.79 (docs/decisions/0049).
 */
function memoiseColourParsing() {
  const Colour = (window as unknown as { axe: { commons: { color: { Color: { prototype: AxeColour } } } } }).axe.commons
    .color.Color;
  const parse = Colour.prototype.parseString;
  const parsed = new Map<string, Rgba>();
  Colour.prototype.parseString = function (this: AxeColour, text: string) {
    const known = parsed.get(text);
    if (!known) {
      parse.call(this, text);
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
      return this;
    }
    [this.r, this.g, this.b, this.alpha] = known;
    return this;
  };
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * A full-page screenshot for a person to look at (test-results/screens/<name>.png). The suite asserts
 * nothing on it, so only a run with E2E_SCREENSHOTS=1 takes it (README, "Looking at the pages").
 */
export async function reviewShot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** `reviewShot` at the laptop's width and the phone's (`<name>-1280`, `<name>-390`); the page is left at the laptop's. */
export async function reviewScreens(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS)
    for (const size of [LAPTOP, PHONE]) {
      await page.setViewportSize(size);
      await reviewShot(page, `${name}-${size.width}`);
    }
  await page.setViewportSize(LAPTOP);
}

/** Fails on any accessibility violation above minor of the page as it is now (or of the part `include` selects). */
export async function expectAccessible(page: Page, scope?: TAxeScope) {
  // A document React is still building (a first load's root rendered again on the client) has no
  // lang and no main for a moment: a CI run's axe caught one. Wait for both, briefly; a page that
  // never gets them fails below on axe's own findings.
  // A toast sliding in is half transparent for 200 ms: axe then reads its text's contrast against
  // the page behind it (a CI run failed so). Finite animations are let finish first, briefly.
  await page
    .waitForFunction(
      () =>
        document.documentElement.lang !== "" &&
        document.querySelector("main") !== null &&
        document
          .getAnimations()
          .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
      null,
      { timeout: 5_000 },
    )
    .catch(() => {});
  const violations = await axeViolations(page, scope);
  // Moderate too: duplicate landmarks and unnamed regions are moderate, and they confuse screen-reader navigation.
  const blocking = violations.filter((v) => v.impact !== "minor");
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

/** Signs in through the page; with a two-factor secret (the demo admins' by default) it types the code too. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret = DEMO_LOGINS.find((login) => login.email === email)?.totpSecret,
) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (totpSecret) await enterTotpCode(page, totpSecret);
}

/**
 * A code works once (lib/auth/second-factor.ts): when this account signed in moments ago with this
 * step's code, the next step's, which the server accepts too, is typed instead.
 */
async function enterTotpCode(page: Page, secret: string) {
  const submit = async (ahead: number) => {
    await page.getByLabel("Authentication code").fill(totpCode(secret, new Date(Date.now() + ahead)));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  };
  await submit(0);
  const signedIn = page
    .waitForURL((url) => url.pathname !== "/sign-in")
    .then(
      () => true,
      () => false,
    );
  const refused = page
    .getByRole("alert")
    .filter({ hasText: "This code is not right" })
    .waitFor()
    .then(
      () => false,
      () => false,
    );
  if (!(await Promise.race([signedIn, refused]))) await submit(30_000);
}

/** The server's data directory, as playwright.config.ts gives it to `npm start`. */
export const e2eDataDir = () => process.env.E2E_DATA_DIR ?? `.data/e2e-${process.env.E2E_PORT ?? 3100}`;

/** Files stored by a fixture go where the server reads them. */
export const e2eStorage = () => localDriver(path.join(e2eDataDir(), "uploads"));

// `npm start` writes the URL of the database it opened into its data directory.
export function e2eDatabaseUrl() {
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
  /**
   * A fresh user of `tenant` (or of the tenant given) in its own browser context, with the session
   * cookie the sign-in would set (session-cookie.ts), and a blank page: the test opens what it needs
   * (a home page render per sign-in adds up). The specs about signing in itself use `signIn`.
   */
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
    await provide(await makeE2eTenant(db));
  },

  signInAs: async ({ browser, db, tenant, baseURL }, provide) => {
    await provide(async (role, of = tenant) => {
      const { context, email } = await mintedSession(browser, db, role, of, baseURL!);
      return { page: await context.newPage(), context, email };
    });
  },

  // Every page of every context the test opened gets an axe check as the test leaves it. The contexts
  // it opened itself (signed in as someone) are closed then: Playwright closes only its own, and a CI
  // run's failure showed 17 pages of earlier tests still open in the worker's browser.
  axeOnEveryPage: [
    async ({ browser, context }, provide, testInfo) => {
      const opened = await trackContexts(browser, context);
      try {
        await provide();
      } finally {
        opened.stop();
      }
      try {
        if (testInfo.status !== testInfo.expectedStatus) return;
        for (const ctx of opened.contexts) {
          for (const page of ctx.pages())
            if (!page.isClosed() && page.url().startsWith("http")) await expectAccessible(page);
        }
      } finally {
        await Promise.all(opened.contexts.filter((ctx) => ctx !== context).map((ctx) => ctx.close()));
      }
    },
    { auto: true },
  ],
});

/**
 * Puts a session of the user with this e-mail (a demo account, read-only use) into the page's context,
 * as signing in would, and opens the user's home page: for the specs that need a demo account but do
 * not test signing in.
 */
export async function useSessionOf(page: Page, db: Db, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await addSessionCookie(page.context(), user, new URL(test.info().project.use.baseURL!).origin);
  await page.goto(HOME[user.role]);
}

/** A fresh tenant whose PBX is far from any term boundary, so it stays eligible whatever day the suite runs. */
export function makeE2eTenant(db: Db) {
  const now = Date.now();
  return makeTenant(db, { termStart: new Date(now - 30 * 86_400_000), termExpiry: new Date(now + 300 * 86_400_000) });
}

/**
 * A fresh tenant with a month to invoice: CLASSOUND activated on its PBX on the 15th of last month
 * (UTC), its prorated flat fee recorded as activation records it. Returns the month ("2026-10").
 */
export async function makeBillableTenant(db: Db, amount = "715.20") {
  const tenant = await makeE2eTenant(db);
  const now = new Date();
  const createdAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  const service = await makeService(db, tenant.pbx.id);
  await makeCharge(db, tenant, service.id, {
    kind: "ACTIVATION",
    amount,
    createdAt,
    description: `CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months, prorated = ${amount} EUR`,
  });
  return { tenant, month: createdAt.toISOString().slice(0, 7) };
}

/** A new browser context signed in as a fresh user of `tenant` in `role`, by a minted session cookie. */
export async function mintedSession(
  browser: Browser,
  db: Db,
  role: Role,
  tenant: Pick<Tenant, "partner" | "customer">,
  baseURL: string,
) {
  const user = await makeTenantUser(db, role, tenant);
  const context = await browser.newContext({ baseURL });
  await addSessionCookie(context, user, baseURL);
  return { context, email: user.email, user };
}

/** The session cookie of `user`, signed with the e2e server's secret, added to `context`. */
async function addSessionCookie(context: BrowserContext, user: Parameters<typeof sessionCookie>[0], baseURL: string) {
  await context.addCookies([await sessionCookie(user, { baseURL, secret: serverSecret(e2eDataDir()) })]);
}

async function trackContexts(browser: Browser, first: BrowserContext) {
  const contexts = [first];
  await withAxe(first);
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
    const context = await withAxe(await original.apply(this, args));
    contexts.push(context);
    return context;
  };
  return { contexts, stop: () => void (browser.newContext = original) };
}

/**
 * axe in every document of the context from its start: the browser keeps the script and runs it in
 * each new document, where sending its 560 kB with each check cost the test worker and the browser
 * process a tenth of a sweep's CPU (decision 0051).
 */
async function withAxe(context: BrowserContext) {
  await context.addInitScript(AXE_INIT);
  return context;
}

export { expect };
