// Memory per instance (npm run bench:memory; issue 35): the resident memory (RSS) of each process of a
// portal, idle after its start and again after every page was visited once as each role, the way the
// e2e sweep lists them (e2e/portal-pages.ts, with the real ids it makes). Each visit is one document
// GET read to its last byte, with a session cookie minted as the e2e fixtures mint one: the demo
// user of the role, or a user of the sweep's own tenant for the pages on that tenant's rows. Pages a
// role may not open are visited too (they answer 403, as in the sweep); the signed-out pages once
// without a cookie. Figures are read from /proc after BENCH_SETTLE_MS (5 s) of quiet, the process's
// own garbage collection left as it falls.
//
// Starts `npm start` on a fresh data directory (BENCH_PORT, default 3392; BENCH_DATABASE_URL puts it on
// that database instead of the embedded one) unless BENCH_BASE_URL names a running portal, whose data
// directory BENCH_DATA_DIR then names (its database URL and session secret).
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { demoLogin, mintedSession, ROLES } from "../../e2e/fixtures";
import { WITHOUT_OMNIBOX_POPUP } from "../../e2e/chromium-flags";
import { serverSecret, sessionCookie } from "../../e2e/session-cookie";
import { benchPortal, startPortal, stopPortal } from "../portal";
import { sweepPages } from "../sweep-pages";
import { portalProcesses, type ProcessMemory } from "./processes";

const PORTAL = benchPortal(3392, "memory");
const DATA_DIR = PORTAL.dataDir ?? process.env.BENCH_DATA_DIR;
if (!DATA_DIR) throw new Error("BENCH_BASE_URL needs BENCH_DATA_DIR: the running portal's data directory.");
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
const external = process.env.BENCH_DATABASE_URL;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

const durations: number[] = [];
/** One GET of `url`, read to its last byte; its status. Its time is kept: a memory setting must not cost it. */
async function visit(url: string, cookie?: string) {
  const startedAt = performance.now();
  const response = await fetch(`${PORTAL.base}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  durations.push(performance.now() - startedAt);
  return response.status;
}

const portal = await startPortal(PORTAL, external ? { DATABASE_URL: external, CLASSOUND_DEMO: "true" } : {});
process.env.E2E_DATA_DIR = DATA_DIR; // the sweep's uploads and session cookies are this portal's
const db = createPrismaClient(readFileSync(databaseUrlFile(DATA_DIR), "utf8").trim(), 2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [WITHOUT_OMNIBOX_POPUP],
});
let idle: ProcessMemory[] = [];
let after: ProcessMemory[] = [];
const statuses = new Map<number, number>();
try {
  await settle();
  idle = portalProcesses(PORTAL.port);
  const { tenant, ids, pages, sweepRows } = await sweepPages(db, browser, PORTAL.base);
  const secret = serverSecret(DATA_DIR);
  const cookieOf = async (user: Parameters<typeof sessionCookie>[0]) => {
    const { name, value } = await sessionCookie(user, { baseURL: PORTAL.base, secret });
    return `${name}=${value}`;
  };
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

  for (const role of ROLES) {
    const demoCookie = await cookieOf(await db.user.findUniqueOrThrow({ where: { email: demoLogin(role).email } }));
    const sweepCookie = await cookieOf((await mintedSession(browser, db, role, tenant, PORTAL.base)).user);
    for (const { url } of pages) {
      // Set-password would spend the link: it is visited signed out, below.
      if (url.startsWith("/set-password/")) continue;
      count(await visit(url, sweepRows.some((id) => url.includes(id)) ? sweepCookie : demoCookie));
    }
  }
  for (const url of ["/sign-in", "/forgot-password", `/set-password/${ids.passwordToken}`]) count(await visit(url));
  await settle();
  after = portalProcesses(PORTAL.port);
} finally {
  await browser.close();
  await db.$disconnect();
  stopPortal(portal);
}

const visits = [...statuses.values()].reduce((sum, n) => sum + n, 0);
durations.sort((a, b) => a - b);
const at = (q: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]);
console.log(
  `\n${PORTAL.base}: ${visits} page visits (${[...statuses].map(([status, n]) => `${n}× ${status}`).join(", ")}), one at a time, first visits: median ${at(0.5)} ms, p90 ${at(0.9)} ms, all ${(durations.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s; RSS ${SETTLE_MS / 1000} s after each phase.`,
);
console.log("| process | idle | after visiting every page | of which anonymous / file-backed |");
console.log("|---|---:|---:|---:|");
for (const process of after) {
  const before = idle.find((p) => p.pid === process.pid);
  console.log(
    `| ${process.label} | ${before ? mb(before.rssKb) : "–"} | **${mb(process.rssKb)}** | ${mb(process.anonKb)} / ${mb(process.fileKb)} |`,
  );
}
const node = (list: ProcessMemory[]) =>
  list.filter((p) => !p.label.startsWith("PostgreSQL")).reduce((sum, p) => sum + p.rssKb, 0);
console.log(`| all Node.js processes | ${mb(node(idle))} | **${mb(node(after))}** | |`);
if ([...statuses.keys()].some((status) => status >= 500)) process.exitCode = 1;
