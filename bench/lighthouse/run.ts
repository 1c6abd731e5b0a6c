// Lighthouse, mobile preset (its simulated slow 4G and 4x CPU slowdown), on the pages a partner and an
// end user open first (npm run bench:lighthouse). Starts `npm start` on a fresh data directory unless
// BENCH_BASE_URL names a running portal; signs in with the demo logins through next-auth's own
// endpoints and hands Lighthouse the session cookie. Target: performance >= 95 on every page.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";

const PORT = Number(process.env.BENCH_PORT ?? 3390);
const BASE = process.env.BENCH_BASE_URL ?? `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 1);

const PAGES: { path: string; role: "PARTNER" | "END_USER" | null }[] = [
  { path: "/sign-in", role: null },
  { path: "/partner", role: "PARTNER" },
  { path: "/activations", role: "PARTNER" },
  { path: "/price-list", role: "PARTNER" },
  { path: "/customer", role: "END_USER" },
];

async function startPortal(): Promise<ChildProcess | undefined> {
  if (process.env.BENCH_BASE_URL) return undefined;
  const dataDir = `.data/bench-lighthouse-${PORT}`;
  await rm(dataDir, { recursive: true, force: true });
  const child = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(PORT), CLASSOUND_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: BASE },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let waited = 0; waited < 900_000; waited += 2_000) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ok = await fetch(`${BASE}/sign-in`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error("npm start did not answer within 15 minutes");
}

/** The session cookie of a demo login, from next-auth's CSRF and credentials endpoints. */
async function sessionCookie(role: "PARTNER" | "END_USER") {
  const email = DEMO_LOGINS.find((login) => login.role === role)!.email;
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), Origin: BASE },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Signing in as ${email} gave no session cookie (HTTP ${response.status})`);
  return session;
}

type Summary = { label: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; totalKiB: number; scriptKiB: number; fontKiB: number };

function summarize(label: string, lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]): Summary {
  const items = (lhr.audits["resource-summary"].details as unknown as { items: { resourceType: string; transferSize: number }[] }).items;
  const kib = (type: string) => Math.round((items.find((i) => i.resourceType === type)?.transferSize ?? 0) / 1024);
  return {
    label,
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue ?? 0),
    tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue ?? 0),
    cls: Number((lhr.audits["cumulative-layout-shift"].numericValue ?? 0).toFixed(3)),
    totalKiB: kib("total"),
    scriptKiB: kib("script"),
    fontKiB: kib("font"),
  };
}

const portal = await startPortal();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const results: Summary[] = [];
try {
  const cookies = { PARTNER: await sessionCookie("PARTNER"), END_USER: await sessionCookie("END_USER") };
  for (const page of PAGES) {
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${BASE}${page.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: page.role ? { Cookie: cookies[page.role] } : undefined,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (result.lhr.finalDisplayedUrl !== `${BASE}${page.path}`) throw new Error(`${page.path} ended on ${result.lhr.finalDisplayedUrl}: not signed in?`);
      results.push(summarize(`${page.path}${page.role ? ` (${page.role})` : ""}`, result.lhr));
    }
  }
} finally {
  await chrome.kill();
  if (portal?.pid) process.kill(-portal.pid, "SIGTERM");
}

console.log("| page | performance | accessibility | LCP | TBT | CLS | transfer | JS | fonts |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(`| ${r.label} | ${r.performance} | ${r.accessibility} | ${(r.lcpMs / 1000).toFixed(1)} s | ${r.tbtMs} ms | ${r.cls} | ${r.totalKiB} KiB | ${r.scriptKiB} KiB | ${r.fontKiB} KiB |`);
}
const below = results.filter((r) => r.performance < 95);
if (below.length) {
  console.log(`\nBelow the target of 95: ${below.map((r) => `${r.label} ${r.performance}`).join(", ")}`);
  process.exitCode = 1;
}
