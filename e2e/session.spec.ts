import { request as httpRequest } from "node:http";
import { DEMO_PASSWORD } from "@/lib/db/seed";
import { MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/sign-in-throttle";
import { makeTenantUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { expect, signIn, test } from "./fixtures";

// Seeded colleagues that no other spec signs in as: signing out here ends every session of the user,
// which would pull the rug from under a test running in parallel with the same account.
const SIGN_OUT_USER = "lukas.hofmann@alpentel.example";
const RETURN_USER = "marco.esposito@nuvolatel.example";

test.describe("sessions", () => {
  test("a session cookie copied before sign-out no longer opens any page", async ({ page, browser, baseURL }) => {
    await signIn(page, SIGN_OUT_USER);
    await expect(page).toHaveURL(/\/partner$/);
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const thief = await browser.newContext({ baseURL });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/partner");
    await expect(stolen).toHaveURL(/\/sign-in/);
    // Nor does the session endpoint say whose it was.
    const session = await (await thief.request.get("/api/auth/session")).json();
    expect(session.user ?? null).toBeNull();
    expect(session.actor ?? null).toBeNull();
    await thief.close();
  });

  test("the sign-in page returns the user to the page they asked for", async ({ page }) => {
    await page.goto("/pbxs");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpbxs$/);
    await page.getByLabel("E-mail").fill(RETURN_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/pbxs$/);
  });

  test("an outside callbackUrl is ignored", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2F%2Fevil.example%2Fpbxs");
    await page.getByLabel("E-mail").fill(RETURN_USER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/partner$/);
  });
});

/** A raw HTTP request from a chosen loopback address, so this test's throttling touches no other test. */
function send(
  baseURL: string,
  localAddress: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(options.path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method: options.method,
        localAddress,
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Signs in through next-auth's credentials endpoint; true when a session cookie comes back. */
async function signInFrom(
  baseURL: string,
  localAddress: string,
  email: string,
  password: string,
  forwardedFor: string,
) {
  const csrf = await send(baseURL, localAddress, { method: "GET", path: "/api/auth/csrf" });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await send(baseURL, localAddress, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      origin: new URL(baseURL).origin,
      "x-forwarded-for": forwardedFor,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: baseURL }).toString(),
  });
  return ([] as string[]).concat(response.headers["set-cookie"] ?? []).some((c) => /session-token=[^;]+/.test(c));
}

test("X-Forwarded-For cannot escape the per-address sign-in limit", async ({ baseURL, db, tenant }) => {
  // A user of its own, without two-factor sign-in: its password alone opens a session.
  const control = await makeTenantUser(db, "PARTNER", tenant);
  // Two addresses of our own on the loopback network, fresh for every run.
  const octet = 2 + Math.floor(Math.random() * 250);
  const sprayer = `127.0.${octet}.1`;
  const bystander = `127.0.${octet}.2`;
  for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
    const ok = await signInFrom(
      baseURL!,
      sprayer,
      `nobody-${octet}-${i}@spray.example`,
      "guess",
      `198.51.100.7, 203.0.113.${i + 1}`,
    );
    expect(ok).toBe(false);
  }
  // The right password, under yet another claimed address: refused, because every attempt above
  // counted against the connection's real address.
  expect(await signInFrom(baseURL!, sprayer, control.email, TEST_PASSWORD, "192.0.2.99")).toBe(false);
  expect(await signInFrom(baseURL!, bystander, control.email, TEST_PASSWORD, "192.0.2.99")).toBe(true);
});
