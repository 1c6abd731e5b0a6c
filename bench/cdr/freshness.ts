import { readFile } from "node:fs/promises";
import { actorFromUser } from "@/lib/auth/actor";
import { CALL_COLUMNS } from "@/lib/cdr/import/call-row";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { refreshRollupsForMonths } from "@/lib/cdr/rollups/refresh";
import { callFreshness } from "@/lib/cdr/statistics/freshness";
import { QUEUE_SCHEMA } from "@/lib/jobs/boss";
import { startJobRunner } from "@/lib/jobs/runner";
import { createPbxApiKey } from "@/lib/pbx/api-keys";
import type { BenchContext } from "./context";
import { importFile, splitOffDays } from "./incremental";
import { seconds, writeBenchCalls } from "./ingest";

export interface FreshnessFigures {
  monthCalls: number;
  posts: number;
  postedCalls: number;
  pbxs: number;
  setupSeconds: number;
  /** From the first post sent to the last one answered. */
  postingSeconds: number;
  postP50Ms: number;
  postP95Ms: number;
  /** From the last post's answer until the dashboards count every posted call. */
  visibleAfterSeconds: number;
}

const POST_SIZE = 1_000;
const POSTS = 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/**
 * Issue 30's freshness case (`npm run bench:cdr -- --freshness`): a month of N synthetic calls but
 * its last days loaded, rated and rolled up; then 100 posts of 1,000 of those days' calls, each PBX
 * posting its own calls in the order they started, one post after another, and the PBXs at once,
 * through the `POST /api/cdr` handler (which rates a post before answering, decision 0053), with
 * this process's job runner working the queue as `npm start` does. Printed: how long after the last
 * post's answer the dashboards (the admin's view: `callFreshness` and its counted calls) count every
 * posted call, and each follow-up job's times. Target: within 10 s on an otherwise idle machine.
 */
export async function benchFreshness(ctx: BenchContext, { calls }: { calls: number }): Promise<FreshnessFigures> {
  // The route handler, its import pool and the job sender read the database from the environment.
  process.env.DATABASE_URL = ctx.url;
  const { POST } = await import("@/app/api/cdr/route");
  const { file, month } = await writeBenchCalls(ctx, calls);
  const day = (d: number) =>
    new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, d)).toISOString().slice(0, 10);
  // The month's last days, enough for the posts (about a thirtieth of the month a day).
  const heldDays = Array.from({ length: Math.min(28, Math.ceil((POSTS * POST_SIZE * 30) / calls) + 1) }, (_, i) =>
    day(-i),
  );
  const { rest, last, restLines, lastLines } = await splitOffDays(file, heldDays);
  const monthKey = month.toISOString().slice(0, 10);

  process.stderr.write(
    `The month but its last ${heldDays.length} days (${restLines} calls): import, rating, roll-ups…\n`,
  );
  let started = performance.now();
  await importFile(ctx, rest);
  await rateMonth(ctx.prisma, { month: monthKey });
  await refreshRollupsForMonths(ctx.prisma, [monthKey]);
  const setupSeconds = seconds(started);

  // The held-out calls, by PBX in the order they started (as a PBX posts them), in posts of 1,000:
  // the first 100 posts, round-robin over the PBXs.
  const [header, ...lines] = (await readFile(last, "utf8")).trimEnd().split("\n");
  const [serialAt, startAt] = [CALL_COLUMNS.indexOf("pbx"), CALL_COLUMNS.indexOf("started_at")];
  const byPbx = new Map<string, string[]>();
  for (const line of lines) {
    const serial = line.split(",")[serialAt];
    const own = byPbx.get(serial);
    if (own) own.push(line);
    else byPbx.set(serial, [line]);
  }
  const startOf = (line: string) => line.split(",")[startAt];
  for (const own of byPbx.values()) own.sort((a, b) => startOf(a).localeCompare(startOf(b)));
  const posts: { serial: string; body: string }[] = [];
  for (let i = 0; posts.length < POSTS && i * POST_SIZE < lastLines; i++)
    for (const [serial, own] of byPbx) {
      const chunk = own.slice(i * POST_SIZE, (i + 1) * POST_SIZE);
      if (chunk.length === POST_SIZE && posts.length < POSTS)
        posts.push({ serial, body: [header, ...chunk].join("\n") });
    }
  if (posts.length < POSTS) throw new Error(`Only ${posts.length} posts of ${POST_SIZE} calls: use more --calls.`);

  const admin = await ctx.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor = actorFromUser(admin);
  const keys = new Map<string, string>();
  for (const serial of new Set(posts.map((p) => p.serial))) {
    const pbx = await ctx.prisma.pbx.findFirstOrThrow({ where: { serial }, select: { id: true } });
    keys.set(serial, (await createPbxApiKey(ctx.prisma, actor, { pbxId: pbx.id, name: "bench" })).key);
  }
  const runner = await startJobRunner({ connectionString: ctx.url, db: ctx.prisma, sendMail: null });
  const { shareJobSender } = await import("@/lib/jobs/enqueue");
  shareJobSender(runner.boss);
  const counted = async () => {
    const freshness = await callFreshness(ctx.prisma, { actor, filters: {} });
    const [row] = await ctx.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT coalesce(sum("calls"), 0)::bigint AS n FROM "CallDailyRollup"`;
    return { waiting: freshness.waiting, calls: Number(row.n) };
  };
  const before = await counted();

  process.stderr.write(`${posts.length} posts of ${POST_SIZE} calls from ${keys.size} PBXs at once…\n`);
  const answerMs: number[] = [];
  started = performance.now();
  let lastAnswer = 0;
  await Promise.all(
    [...keys].map(async ([serial, key]) => {
      for (const post of posts.filter((p) => p.serial === serial)) {
        const sent = performance.now();
        const response = await POST(
          new Request("http://bench.local/api/cdr", {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
            body: post.body,
          }),
        );
        const result = (await response.json()) as { ok: boolean; data?: { rowsStored: number }; error?: string };
        if (!result.ok || result.data?.rowsStored !== POST_SIZE)
          throw new Error(`A post was refused: ${JSON.stringify(result)}`);
        lastAnswer = performance.now();
        answerMs.push(lastAnswer - sent);
      }
    }),
  );
  const postingSeconds = seconds(started);
  process.stderr.write("… until the dashboards count every posted call…\n");
  const expected = before.calls + posts.length * POST_SIZE;
  for (;;) {
    const now = await counted();
    if (now.waiting === 0 && now.calls >= expected) break;
    if (performance.now() - lastAnswer > 600_000)
      throw new Error(`Not counted after 10 minutes: ${JSON.stringify(now)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const visibleAfterSeconds = seconds(lastAnswer);
  const visibleAt = new Date();
  await runner.stop();
  // Where the wait went: each job of the posts' chain, relative to the moment every call was counted.
  const jobs = await ctx.prisma.$queryRawUnsafe<
    { name: string; created_on: Date; started_on: Date | null; completed_on: Date | null }[]
  >(
    `SELECT name, created_on, started_on, completed_on FROM ${QUEUE_SCHEMA}.job
     WHERE name IN ('cdr-rate', 'cdr-day-rankings', 'cdr-rankings', 'usage-alerts') ORDER BY created_on`,
  );
  const at = (d: Date | null) => (d ? ((d.getTime() - visibleAt.getTime()) / 1000).toFixed(1).padStart(6) : "     -");
  for (const job of jobs)
    process.stderr.write(
      `${job.name.padEnd(17)} queued ${at(job.created_on)} started ${at(job.started_on)} done ${at(job.completed_on)}\n`,
    );
  answerMs.sort((a, b) => a - b);
  return {
    monthCalls: restLines + lastLines,
    posts: posts.length,
    postedCalls: posts.length * POST_SIZE,
    pbxs: keys.size,
    setupSeconds,
    postingSeconds,
    postP50Ms: percentile(answerMs, 0.5),
    postP95Ms: percentile(answerMs, 0.95),
    visibleAfterSeconds,
  };
}

export function freshnessTable(f: FreshnessFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return [
    `Freshness: ${f.posts} API posts of ${n(f.postedCalls / f.posts)} calls from ${f.pbxs} PBXs at once, on a month of ${n(f.monthCalls)} calls`,
    "",
    "| step | figure |",
    "|---|---:|",
    `| the month but the posted days: import, full rating, roll-ups (setup) | ${f.setupSeconds.toFixed(1)} s |`,
    `| the posts, first sent to last answered | ${f.postingSeconds.toFixed(1)} s |`,
    `| one post's answer, p50 / p95 | ${n(f.postP50Ms)} / ${n(f.postP95Ms)} ms |`,
    `| **the last post's answer until the dashboards count every posted call** | **${f.visibleAfterSeconds.toFixed(1)} s** |`,
    "",
    `Target: within 10 s (${f.visibleAfterSeconds <= 10 ? "met" : "missed"}).`,
  ].join("\n");
}
