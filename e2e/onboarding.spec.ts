import type { Browser, Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { createPrismaClient } from "@/lib/db/client";
import { documentSlots, fillLegalEntity, uploadEveryDocument } from "./activation-form";
import { startEmptyPortal, type EmptyPortal } from "./empty-portal";
import { e2eDatabaseUrl, expect, expectAccessible, test } from "./fixtures";

// Issue 31's journey on a portal started on an empty database through DATABASE_URL, as an operator's
// would be: no demo data, the first admin from `npm run admin:create`, everything else in the browser.
const PASSWORD = "a long and fresh passphrase";
const SLOW = { timeout: 30_000 };
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

// A step that cannot happen fails in seconds, not at the test's end.
test.use({ actionTimeout: 20_000 });

let portal: EmptyPortal;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  portal = await startEmptyPortal(e2eDatabaseUrl(), Number(process.env.E2E_PORT ?? 3100) + 50);
});
test.afterAll(async () => portal?.stop());

/** Opens a one-time link in a fresh context, chooses the password, signs in; the page is signed in after. */
async function setPasswordAndSignIn(browser: Browser, link: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.baseURL });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`for ${email}`)).toBeVisible();
  await page.getByLabel(/^New password\*?$/).fill(PASSWORD);
  await page.getByLabel("New password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password set")).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in", SLOW);
  return page;
}

test("from an empty database: the first admin, a partner onboarded, its customer and PBX, CLASSOUND activated and approved", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = createPrismaClient(portal.databaseUrl, 1);
  try {
    // ── The empty start: the catalogue, its price lists as drafts, nobody ──────
    expect(await db.user.count()).toBe(0);
    expect(await db.partner.count()).toBe(0);
    expect(await db.priceList.count({ where: { publishedAt: { not: null } } })).toBe(0);
    expect(await db.country.count()).toBeGreaterThan(0);

    // ── admin:create prints the one-time link ─────────────────────────────────
    const printed = portal.createAdmin("olga.ops@operator.example", "Olga Ops");
    const adminLink = printed.match(/https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(adminLink, printed).toBeTruthy();
    expect(adminLink!.startsWith(portal.baseURL)).toBe(true);

    // ── The admin sets a password and must enrol a second factor ──────────────
    const admin = await setPasswordAndSignIn(browser, adminLink!, "olga.ops@operator.example");
    await expect(admin).toHaveURL(/\/two-factor$/);
    await admin.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secret = (await admin.getByLabel("Setup key").innerText()).replace(/\s+/g, "");
    await admin.getByLabel("2. Code from the app").fill(totpCode(secret));
    await admin.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await admin.getByRole("button", { name: "I have saved my recovery codes" }).click();
    await expect(admin).toHaveURL(/\/admin$/, SLOW);

    // ── Nothing is priced until the admin publishes the tiers' drafts ─────────
    await admin.goto("/admin/price-lists");
    for (const tier of ["Gold", "End User"]) {
      await admin.getByRole("button", { name: new RegExp(`^Publish CLASSOUND ${tier} `) }).click();
      await admin.getByRole("alertdialog").getByRole("button", { name: "Publish" }).click();
      await expect(admin.getByRole("button", { name: new RegExp(`^Publish CLASSOUND ${tier} `) })).toHaveCount(0);
    }

    // ── The admin onboards a partner: errors beside the fields first ──────────
    await admin.goto("/admin/partners/new");
    await admin.getByLabel("Legal name").fill("Nordwind Telefonie GmbH");
    await admin.getByLabel("Country").selectOption("DE");
    await admin.getByLabel("VAT number").fill("DE123456789");
    await admin.getByLabel("Billing e-mail").fill("billing@nordwind.example");
    await admin.getByLabel("Time zone").selectOption("Europe/Berlin");
    await admin.getByLabel("Price-list tier").selectOption({ label: "Gold" });
    await admin.getByLabel("Partner admin's name").fill("Nele Nordwind");
    await admin.getByLabel("Partner admin's e-mail").fill("nele@nordwind.example");
    await admin.getByRole("button", { name: "Onboard partner" }).click();
    await expect(admin.getByLabel("VAT number")).toHaveAttribute("aria-invalid", "true");
    expect(await db.partner.count()).toBe(0);
    await admin.getByLabel("VAT number").fill("DE136695976");
    await admin.getByRole("button", { name: "Onboard partner" }).click();
    const partnerLink = await admin.getByLabel("One-time set-password link").inputValue(SLOW);
    expect(partnerLink).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(admin);
    // The same link went out by mail.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "nele@nordwind.example" } });
    expect(mail.text + (mail.html ?? "")).toContain(partnerLink.split("/set-password/")[1]);

    // ── The partner admin sets a password, adds a customer, registers a PBX ────
    const partner = await setPasswordAndSignIn(browser, partnerLink, "nele@nordwind.example");
    await expect(partner).toHaveURL(/\/partner$/);
    await partner.goto("/customers");
    await partner.getByRole("button", { name: "Add a customer" }).click();
    const addCustomer = partner.getByRole("dialog");
    await addCustomer.getByLabel("Name").fill("Lärchenhof Beratung GmbH");
    await addCustomer.getByLabel("Country of service").selectOption("DE");
    await addCustomer.getByRole("button", { name: /add|create/i }).click();
    await expect(partner).toHaveURL(/\/customers\/c[a-z0-9]+$/, SLOW);
    await partner.getByRole("link", { name: "Register a PBX" }).click();
    await expect(partner).toHaveURL(/\/pbxs\/new\?customerId=/);
    await partner.getByLabel("Serial").fill("NW-0001-LH");
    await partner.getByLabel(/^Name\*?$/).fill("Lärchenhof office");
    await partner.getByLabel("Software version").fill("6.01.20240310.2");
    await partner.getByLabel("Plan").selectOption("YEARLY");
    await partner.getByLabel("Term start").fill(day(-60));
    // A term that ends before it starts is refused beside the field, and nothing is stored.
    await partner.getByLabel("Term end").fill(day(-90));
    await partner.getByLabel("Essential").fill("4");
    await partner.getByRole("button", { name: "Register PBX" }).click();
    await expect(partner.getByLabel("Term end")).toHaveAttribute("aria-invalid", "true");
    expect(await db.pbx.count()).toBe(0);
    await partner.getByLabel("Term end").fill(day(305));
    await partner.getByRole("button", { name: "Register PBX" }).click();
    await expect(partner).toHaveURL(/\/pbxs\/c[a-z0-9]+/, SLOW);
    const pbx = await db.pbx.findFirstOrThrow({ where: { serial: "NW-0001-LH" } });
    await expectAccessible(partner);

    // ── …and activates CLASSOUND on it through the existing flow ──────────────
    await partner.goto(`/activations?pbx=${pbx.id}`);
    await partner.getByRole("button", { name: "Activate CLASSOUND on Lärchenhof office" }).click();
    await expect(partner).toHaveURL(/\/activations\/c[a-z0-9]+$/, SLOW);
    await fillLegalEntity(partner, "+498912345678");
    await uploadEveryDocument(partner, await documentSlots(partner));
    await partner.getByRole("button", { name: "Submit for review" }).click();
    await expect(partner.getByText("Submitted", { exact: true }).first()).toBeVisible(SLOW);

    // ── The admin approves: the service runs, charged from the published Gold list ──
    await admin.goto("/admin/activations?status=SUBMITTED");
    await admin.getByRole("link", { name: /Lärchenhof office/ }).click();
    await admin.getByRole("button", { name: "Start review" }).click();
    await expect(admin.getByText("In review", { exact: true }).first()).toBeVisible();
    await admin.getByRole("button", { name: "Approve" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByText("Approved", { exact: true }).first()).toBeVisible(SLOW);
    const service = await db.classoundService.findUniqueOrThrow({ where: { pbxId: pbx.id } });
    expect(service.status).toBe("ACTIVE");
    expect(service.expiresAt.toISOString().slice(0, 10)).toBe(day(305));
    const charge = await db.serviceCharge.findFirstOrThrow({ where: { serviceId: service.id } });
    expect(Number(charge.amount)).toBeGreaterThan(0);

    await partner.goto(`/pbxs/${pbx.id}`);
    await expect(partner.getByText(/Ends on/).first()).toBeVisible();
    await expectAccessible(partner);
    await admin.context().close();
    await partner.context().close();
  } finally {
    await db.$disconnect();
  }
});
