// Lighthouse, mobile preset (its simulated slow 4G and 4x CPU slowdown), on the pages a partner and an
// end user open first and on the heavy ones (statistics, a PBX, numbers, emergency, the admin's
// inventory) (npm run bench:lighthouse). Starts `npm start` on a fresh data directory unless
// BENCH_BASE_URL names a running portal; signs Lighthouse's browser in with the demo logins through
// the sign-in page (the admin with its two-factor code). Target: performance >= 95 on every page.
import { chromium, type Page } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { totpCode } from "@/lib/auth/totp";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/db/seed";
import { WITHOUT_OMNIBOX_POPUP } from "../../e2e/chromium-flags";
import { benchPortal, startPortal, stopPortal } from "../portal";

const PORTAL = benchPortal(3390, "lighthouse");
const BASE = PORTAL.base;
// Lighthouse's own advice for a noisy machine: several runs, report the median one.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_PAGES=statistics,emergency measures only the pages whose path contains one of these.
const ONLY = process.env.BENCH_PAGES?.split(",").filter(Boolean);

type Role = "ADMIN" | "PARTNER" | "END_USER";
/** A page's path, or how to find it in the signed-in browser (a PBX's id comes from the seed). */
type PagePath = string | ((page: Page) => Promise<string>);

/** The demo partner's biggest PBX (203 numbers), found on its PBX list. */
async function munichHq(page: Page) {
  await page.goto(`${BASE}/pbxs?q=Munich`);
  return (await page.getByRole("link", { name: "Munich HQ", exact: true }).first().getAttribute("href"))!;
}

const PAGES: { path: PagePath; label?: string; role: Role | null }[] = [
  { path: "/sign-in", role: null },
  { path: "/partner", role: "PARTNER" },
  { path: "/activations", role: "PARTNER" },
  { path: "/price-list", role: "PARTNER" },
  { path: "/statistics", role: "PARTNER" },
  { path: munichHq, label: "/pbxs/[Munich HQ]", role: "PARTNER" },
  { path: "/numbers", role: "PARTNER" },
  { path: "/emergency", role: "PARTNER" },
  { path: "/customer", role: "END_USER" },
  { path: "/admin/numbers", role: "ADMIN" },
];

/**
 * Signs the Lighthouse browser in as a demo login, through the sign-in page (Playwright over CDP):
 * Lighthouse drops a Cookie header it is handed, so the session must live in the browser itself,
 * and the run must not reset storage. Returns the page's path, resolved in the signed-in browser.
 */
async function signInBrowser(port: number, role: Role | null, path: PagePath) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  try {
    if (role) {
      const login = DEMO_LOGINS.find((l) => l.role === role)!;
      await browser.contexts()[0].clearCookies();
      await page.goto(`${BASE}/sign-in`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      if (login.totpSecret) {
        await page.getByLabel("Authentication code").fill(totpCode(login.totpSecret));
        await page.getByRole("button", { name: "Verify and sign in" }).click();
      }
      await page.waitForURL((url) => !/^\/(sign-in|two-factor)/.test(url.pathname), { timeout: 60_000 });
    }
    return typeof path === "string" ? path : await path(page);
  } finally {
    await page.close();
  }
}

type Summary = {
  label: string;
  benchmarkIndex: number;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalKiB: number;
  scriptKiB: number;
  fontKiB: number;
  /** Where the main thread's time went: the scripts that took longest, and by kind of work. */
  mainThread: string;
  /** The element Lighthouse found largest, as it names it. */
  lcpElement: string;
};

type Items = { items: Record<string, unknown>[] };

/** The three scripts with the most main-thread time, and the three kinds of work that took the most. */
/** The largest contentful paint's element: its label and its HTML's start. */
function lcpElementOf(lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]) {
  const details = lhr.audits["largest-contentful-paint-element"]?.details as unknown as
    { items: { items?: { node?: { nodeLabel?: string; snippet?: string } }[] }[] } | undefined;
  const node = details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.nodeLabel ?? ""} ${(node.snippet ?? "").slice(0, 80)}` : "none";
}

function mainThreadSummary(lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]) {
  // An audit without details (a run that failed it, little work to report) lists nothing.
  const itemsOf = (audit: string) => (lhr.audits[audit]?.details as unknown as Items | undefined)?.items ?? [];
  const scripts = itemsOf("bootup-time") as { url: string; total: number }[];
  const work = itemsOf("mainthread-work-breakdown") as { groupLabel: string; duration: number }[];
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    ...scripts.slice(0, 3).map((s) => `${s.url.replace(BASE, "")} ${ms(s.total)}`),
    ...work.slice(0, 3).map((w) => `${w.groupLabel} ${ms(w.duration)}`),
  ].join("; ");
}

function summarize(label: string, lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"]): Summary {
  const items = (
    lhr.audits["resource-summary"].details as unknown as { items: { resourceType: string; transferSize: number }[] }
  ).items;
  const kib = (type: string) => Math.round((items.find((i) => i.resourceType === type)?.transferSize ?? 0) / 1024);
  return {
    label,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue ?? 0),
    tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue ?? 0),
    cls: Number((lhr.audits["cumulative-layout-shift"].numericValue ?? 0).toFixed(3)),
    totalKiB: kib("total"),
    scriptKiB: kib("script"),
    fontKiB: kib("font"),
    mainThread: mainThreadSummary(lhr),
    lcpElement: lcpElementOf(lhr),
  };
}

const portal = await startPortal(PORTAL);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", WITHOUT_OMNIBOX_POPUP],
});
const results: Summary[] = [];
try {
  let signedInAs: Role | null = null;
  for (const page of PAGES) {
    const label = page.label ?? (page.path as string);
    if (ONLY && !ONLY.some((part) => label.includes(part))) continue;
    const path = await signInBrowser(chrome.port, page.role !== signedInAs ? page.role : null, page.path);
    signedInAs = page.role ?? signedInAs;
    const runs: Summary[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${BASE}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        // Signed-in pages keep the session (and so the cache); the sign-in page is measured cold every run.
        disableStorageReset: page.role !== null,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (result.lhr.finalDisplayedUrl !== `${BASE}${path}`)
        throw new Error(`${path} ended on ${result.lhr.finalDisplayedUrl}: not signed in?`);
      runs.push(summarize(`${label}${page.role ? ` (${page.role})` : ""}`, result.lhr));
    }
    results.push(runs.sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]);
  }
} finally {
  await chrome.kill();
  stopPortal(portal);
}

console.log(
  `Median of ${RUNS} run(s) per page; Lighthouse's CPU benchmark index of this machine: ${results.map((r) => r.benchmarkIndex).join(", ")}.`,
);
console.log("| page | performance | accessibility | LCP | TBT | CLS | transfer | JS | fonts |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.performance} | ${r.accessibility} | ${(r.lcpMs / 1000).toFixed(1)} s | ${r.tbtMs} ms | ${r.cls} | ${r.totalKiB} KiB | ${r.scriptKiB} KiB | ${r.fontKiB} KiB |`,
  );
}
const below = results.filter((r) => r.performance < 95);
if (below.length) {
  console.log(`\nBelow the target of 95: ${below.map((r) => `${r.label} ${r.performance}`).join(", ")}`);
  for (const r of below) console.log(`- ${r.label}, main thread: ${r.mainThread}; largest paint: ${r.lcpElement}`);
  process.exitCode = 1;
}
