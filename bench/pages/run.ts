// Server time of every page, per role (npm run bench:pages): signs in as each demo login (the admin
// with the demo authenticator code), requests every page of the sweep (e2e/portal-pages.ts, with the
// real ids it makes) and times the document request, warm: one request first, then the median of
// BENCH_RUNS (3). Each page's SQL statements are counted from the query log the server writes when
// CLASSOUND_QUERY_LOG is set (lib/db/client.ts): the statements Prisma sent while the page was being
// answered, requests going one at a time. Prints each role's slowest ten; target: every page under 1 s.
//
// Starts `npm start` on a fresh data directory (with the query log) unless BENCH_BASE_URL names a
// running portal; then BENCH_DATA_DIR names its data directory (database, session secret) and
// BENCH_QUERY_LOG the file it was started with as CLASSOUND_QUERY_LOG (without it, no query counts).
// BENCH_SQL=/some/path prints that page's statements.
import { readFileSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrlFile } from "@/lib/db/database-url-file";
import { demoLogin, HOME, mintedSession, ROLES, signIn, type Role } from "../../e2e/fixtures";
import { WITHOUT_OMNIBOX_POPUP } from "../../e2e/chromium-flags";
import { benchPortal, startPortal, stopPortal } from "../portal";
import { sweepPages } from "../sweep-pages";

const PORTAL = benchPortal(3391, "pages");
const BASE = PORTAL.base;
const DATA_DIR = PORTAL.dataDir ?? process.env.BENCH_DATA_DIR;
if (!DATA_DIR) throw new Error("BENCH_BASE_URL needs BENCH_DATA_DIR: the running portal's data directory.");
const QUERY_LOG = PORTAL.dataDir
  ? path.resolve(PORTAL.dataDir, "..", `bench-pages-${PORTAL.port}-queries.log`)
  : process.env.BENCH_QUERY_LOG;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIMIT_MS = 1_000;

interface Measured {
  url: string;
  status: number;
  medianMs: number;
  firstByteMs: number;
  /** The first request of the page in this run (a server just started loads the route's code then). */
  firstVisitMs: number;
  queries: number | null;
  sql: string[];
}

/** The query log's length in bytes (0 before its first statement). */
function queryLogEnd() {
  if (!QUERY_LOG) return Promise.resolve(0);
  return stat(QUERY_LOG).then(
    (s) => s.size,
    () => 0,
  );
}

/** The statements logged since `offset` (bytes). */
async function queriesSince(offset: number): Promise<string[]> {
  if (!QUERY_LOG) return [];
  const size = await queryLogEnd();
  if (size <= offset) return [];
  const file = await open(QUERY_LOG);
  try {
    const buffer = Buffer.alloc(size - offset);
    await file.read(buffer, 0, buffer.length, offset);
    return buffer.toString("utf8").split("\n").filter(Boolean);
  } finally {
    await file.close();
  }
}

async function cookieHeader(context: BrowserContext) {
  return (await context.cookies(BASE)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** One document request, read to its last byte (the page streams): total and first-byte times. */
async function timeRequest(url: string, cookie: string) {
  const startedAt = performance.now();
  const response = await fetch(`${BASE}${url}`, { headers: { cookie }, redirect: "manual" });
  const firstByteMs = performance.now() - startedAt;
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - startedAt, firstByteMs };
}

async function measure(url: string, cookie: string): Promise<Measured> {
  const firstVisit = await timeRequest(url, cookie);
  const times: number[] = [];
  let last = { status: 0, firstByteMs: 0 };
  let lines: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const before = await queryLogEnd();
    const result = await timeRequest(url, cookie);
    // Work a page leaves for after its response (next/server's after()) belongs to it too.
    await new Promise((resolve) => setTimeout(resolve, 50));
    lines = await queriesSince(before);
    times.push(result.ms);
    last = result;
  }
  times.sort((a, b) => a - b);
  return {
    url,
    status: last.status,
    medianMs: times[Math.floor(times.length / 2)],
    firstByteMs: last.firstByteMs,
    firstVisitMs: firstVisit.ms,
    queries: QUERY_LOG ? lines.length : null,
    sql: lines,
  };
}

const portal = await startPortal(PORTAL, QUERY_LOG ? { CLASSOUND_QUERY_LOG: QUERY_LOG } : {});
process.env.E2E_DATA_DIR = DATA_DIR; // the sweep's session cookies are signed with this portal's secret
const db = createPrismaClient(readFileSync(databaseUrlFile(DATA_DIR), "utf8").trim(), 2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [WITHOUT_OMNIBOX_POPUP],
});
const results = new Map<Role, Measured[]>();
try {
  const { tenant, pages, sweepRows } = await sweepPages(db, browser, BASE);

  for (const role of ROLES) {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await signIn(page, demoLogin(role).email);
    await page.waitForURL((url) => url.pathname === HOME[role], { timeout: 60_000 });
    const demoCookie = await cookieHeader(context);
    const sweepCookie =
      role === "ADMIN"
        ? demoCookie
        : await cookieHeader((await mintedSession(browser, db, role, tenant, BASE)).context);
    const measured: Measured[] = [];
    for (const { url } of pages) {
      // Set-password would spend the link; the sign-in pages of a signed-in user redirect.
      if (url.startsWith("/set-password/")) continue;
      measured.push(await measure(url, sweepRows.some((id) => url.includes(id)) ? sweepCookie : demoCookie));
    }
    results.set(role, measured);
    await context.close();
  }
} finally {
  await browser.close();
  await db.$disconnect();
  stopPortal(portal);
}

console.log(`Median of ${RUNS} warm request(s) a page, document read to its last byte; ${BASE}.`);
if (!QUERY_LOG) console.log("No BENCH_QUERY_LOG: query counts not known.");
let over: string[] = [];
for (const [role, measured] of results) {
  const answered = measured.filter((m) => m.status === 200);
  const others = measured.filter((m) => m.status !== 200);
  console.log(`\n${role}: ${answered.length} pages answered 200; slowest ten:`);
  console.log("| page | median | first byte | first visit | SQL statements |");
  console.log("|---|---:|---:|---:|---:|");
  for (const m of [...answered].sort((a, b) => b.medianMs - a.medianMs).slice(0, 10)) {
    console.log(
      `| ${m.url} | ${Math.round(m.medianMs)} ms | ${Math.round(m.firstByteMs)} ms | ${Math.round(m.firstVisitMs)} ms | ${m.queries ?? "–"} |`,
    );
  }
  const byStatus = new Map<number, number>();
  for (const m of others) byStatus.set(m.status, (byStatus.get(m.status) ?? 0) + 1);
  console.log(`Not this role's: ${[...byStatus].map(([status, n]) => `${n} answered ${status}`).join(", ") || "none"}`);
  const failed = others.filter((m) => m.status >= 500);
  if (failed.length) over = [...over, ...failed.map((m) => `${role} ${m.url} answered ${m.status}`)];
  over = [
    ...over,
    ...answered.filter((m) => m.medianMs >= LIMIT_MS).map((m) => `${role} ${m.url} ${Math.round(m.medianMs)} ms`),
  ];
  const sqlOf = process.env.BENCH_SQL;
  const shown = sqlOf && measured.find((m) => m.url === sqlOf);
  if (shown) console.log(`\nSQL of ${sqlOf} as ${role}:\n${shown.sql.join("\n")}`);
}
console.log(over.length ? `\nNot under 1 s: ${over.join("; ")}` : "\nEvery page of every role answered in under 1 s.");
if (over.length) process.exitCode = 1;
