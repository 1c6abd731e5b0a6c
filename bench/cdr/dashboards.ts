import type { Actor } from "@/lib/auth/actor";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { FIGURE_NAMES, statisticsFigure, type TFigureName, type TStatisticsSource } from "@/lib/cdr/statistics/figures";
import { parseStatisticsFilters } from "@/lib/cdr/statistics/filters";
import { rankRange } from "@/lib/cdr/statistics/top-numbers";
import type { BenchContext } from "./context";

export interface DashboardFigure {
  view: string;
  figure: TFigureName;
  /** The date range ("this_month" for every figure; top numbers also over "today", "7d" and a range ranked on demand). */
  range: string;
  rollup: { p50: number; p95: number };
  raw: { p50: number; p95: number };
  /** Raw p95 over roll-up p95 (target: at least 20). */
  speedup: number;
  /** Top numbers over a range no period ranking answers: ms the job took to rank it on the first view. */
  rankingJobMs?: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function time(run: () => Promise<unknown>, times: number) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

/**
 * Every dashboard figure over the month of the synthetic calls (already stored and rated), seen
 * from that month's last hour, for an admin (all partners) and for the busiest partner, timed from the roll-ups and by a plain GROUP BY on the raw
 * call table in the same run. The roll-up refresh of the month is timed first.
 */
export async function benchDashboards(ctx: BenchContext, { rollupRuns = 50, rawRuns = 5 } = {}) {
  const today = new Date();
  const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  // "Now" is the last hour of the month the calls were generated in, and the figures are "this
  // month's": so the month-to-date figures (cost this month, included use) read that month too
  // instead of an empty current month.
  const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1) - 60 * 60 * 1000);
  process.stderr.write("Roll-up refresh of the month…\n");
  const started = performance.now();
  await refreshCallRollups(ctx.prisma, { from: month, to: now }, now);
  const refreshSeconds = (performance.now() - started) / 1000;

  const [busiest] = await ctx.prisma.$queryRaw<{ partnerId: string }[]>`
    SELECT "partnerId" FROM "CallDailyRollup" GROUP BY 1 ORDER BY sum(calls) DESC LIMIT 1`;
  const actor = (role: Actor["role"], partnerId: string | null): Actor => ({
    userId: "bench",
    role,
    partnerId,
    customerId: null,
    isPartnerAdmin: false,
    name: "Bench",
    email: "bench@example.test",
  });
  const views = [
    { view: "admin, all partners", actor: actor("ADMIN", null) },
    { view: "busiest partner", actor: actor("PARTNER", busiest.partnerId) },
  ];
  // Every figure over "this month"; top numbers also over "today" and "7 days" (the day ranking and
  // the current seven days' one), and over 10 days, a range ranked on demand (decision 0033).
  const isoDay = (daysBeforeNow: number) =>
    new Date(now.getTime() - daysBeforeNow * 86_400_000).toISOString().slice(0, 10);
  const cases: { figure: TFigureName; range: string; query: Record<string, string> }[] = [
    ...FIGURE_NAMES.map((figure) => ({ figure, range: "this_month", query: { preset: "this_month" } })),
    { figure: "topNumbers", range: "today", query: { preset: "today" } },
    { figure: "topNumbers", range: "7d", query: { preset: "7d" } },
    { figure: "topNumbers", range: "custom 10 days", query: { preset: "custom", from: isoDay(9), to: isoDay(0) } },
  ];
  const figures: DashboardFigure[] = [];
  for (const { view, actor } of views) {
    for (const { figure, range, query } of cases) {
      process.stderr.write(`${view}: ${figure} (${range})…\n`);
      const filters = parseStatisticsFilters(query);
      // A ranking the first view asks for is made here as the worker's job would make it, and timed.
      let rankingJobMs: number | undefined;
      const rankNow = async (rangeTopId: string) => {
        const started = performance.now();
        await rankRange(ctx.prisma, rangeTopId);
        rankingJobMs = performance.now() - started;
      };
      const run = (source: TStatisticsSource) => () =>
        statisticsFigure(ctx.prisma, { actor, filters, now }, figure, source, rankNow);
      await run("rollup")(); // warm the cache as a dashboard in use has it (and rank what it asked for)
      const rollup = await time(run("rollup"), rollupRuns);
      const raw = await time(run("raw"), rawRuns);
      figures.push({ view, figure, range, rollup, raw, speedup: raw.p95 / rollup.p95, rankingJobMs });
    }
  }
  return { refreshSeconds, figures };
}

export function dashboardTable({ refreshSeconds, figures }: Awaited<ReturnType<typeof benchDashboards>>): string {
  const ms = (n: number) => n.toFixed(1);
  const lines = [
    `Roll-up refresh of the month: ${refreshSeconds.toFixed(1)} s`,
    "",
    "| view | figure | range | roll-up p50 ms | roll-up p95 ms | raw p50 ms | raw p95 ms | raw / roll-up (p95) |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ...figures.map(
      (f) =>
        `| ${f.view} | ${f.figure} | ${f.range} | ${ms(f.rollup.p50)} | ${ms(f.rollup.p95)} | ${ms(f.raw.p50)} | ${ms(f.raw.p95)} | ${f.speedup.toFixed(0)}x |`,
    ),
    "",
    ...figures
      .filter((f) => f.rankingJobMs !== undefined)
      .map(
        (f) =>
          `First view of ${f.figure} (${f.range}), ${f.view}: ranked by its job in ${ms(f.rankingJobMs!)} ms (raw GROUP BY p50 ${ms(f.raw.p50)} ms)`,
      ),
  ];
  return lines.join("\n");
}
