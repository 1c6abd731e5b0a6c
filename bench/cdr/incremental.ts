import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { CALL_COLUMNS } from "@/lib/cdr/import/call-row";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { rankDays, rankMonths, refreshRollupsForMonths } from "@/lib/cdr/rollups/refresh";
import type { BenchContext } from "./context";
import { seconds, writeBenchCalls } from "./ingest";

export interface IncrementalFigures {
  monthCalls: number;
  dayCalls: number;
  /** The month before its last day: imported, rated and rolled up (not the target). */
  setupSeconds: number;
  importSeconds: number;
  /** Its new calls rated and its days rolled up (and ranked), in one transaction. */
  arrivalSeconds: number;
  /** The days' rankings: the `cdr-day-rankings` job, after (decision 0053). */
  dayRankingSeconds: number;
  /** The months' and the current seven days' rankings: the `cdr-rankings` job, after. */
  rankingSeconds: number;
  /** The same batch the old way: the month's whole re-rating and its roll-ups' rebuild (null: not run, `--without-full`). */
  fullRateSeconds: number | null;
  fullRollupSeconds: number | null;
}

/** Splits a CDR file by the UTC day its calls start on: `days`' calls in one file, the others in another. */
export async function splitOffDays(file: string, days: string[]) {
  const [rest, last] = [file.replace(/\.csv$/, "-rest.csv"), file.replace(/\.csv$/, `-${days[0]}.csv`)];
  const [restOut, lastOut] = [createWriteStream(rest), createWriteStream(last)];
  const startedAt = CALL_COLUMNS.indexOf("started_at");
  let [restLines, lastLines, header] = [0, 0, true];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (header) {
      for (const out of [restOut, lastOut]) out.write(line + "\n");
      header = false;
      continue;
    }
    const start = line.split(",")[startedAt];
    const isLast = days.some((day) => start.startsWith(day));
    const out = isLast ? lastOut : restOut;
    if (!out.write(line + "\n")) await once(out, "drain");
    [restLines, lastLines] = isLast ? [restLines, lastLines + 1] : [restLines + 1, lastLines];
  }
  for (const out of [restOut, lastOut]) {
    out.end();
    await once(out, "finish");
  }
  return { rest, last, restLines, lastLines };
}

export async function importFile(ctx: BenchContext, file: string) {
  const { id } = await createImportRow(ctx.prisma, { source: "COMMAND", fileName: path.basename(file) });
  return runCallImport(ctx.pool, id, createReadStream(file));
}

/**
 * Issue 30's incremental case (`npm run bench:cdr -- --incremental`): a month of N synthetic calls
 * but its last day imported, rated and rolled up; then the last day (about a thirtieth) imported,
 * rated with its days' roll-ups (`rateArrivals`, decision 0052), its days and month ranked (decision 0053), each step
 * timed; then the same month's full re-rating and roll-up rebuild beside it, what every batch cost before.
 * Target: the batch's import, rating and roll-ups within 3x its import.
 */
export async function benchIncremental(
  ctx: BenchContext,
  { calls, withFull = true }: { calls: number; withFull?: boolean },
): Promise<IncrementalFigures> {
  const { file, month } = await writeBenchCalls(ctx, calls);
  const lastDay = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  const { rest, last, restLines, lastLines } = await splitOffDays(file, [lastDay]);
  const monthKey = month.toISOString().slice(0, 10);

  process.stderr.write(`The month but its last day (${restLines} calls): import, rating, roll-ups…\n`);
  let started = performance.now();
  await importFile(ctx, rest);
  await rateMonth(ctx.prisma, { month: monthKey });
  await refreshRollupsForMonths(ctx.prisma, [monthKey]);
  const setupSeconds = seconds(started);

  process.stderr.write(`Its last day (${lastLines} calls): import…\n`);
  started = performance.now();
  const outcome = await importFile(ctx, last);
  const importSeconds = seconds(started);
  process.stderr.write("… rating its new calls and rolling up their days…\n");
  started = performance.now();
  const now = new Date();
  const arrived = await rateArrivals(ctx.prisma, outcome.months, undefined, now);
  const arrivalSeconds = seconds(started);
  process.stderr.write("… the day's rankings…\n");
  started = performance.now();
  for (const days of arrived.days) await rankDays(ctx.prisma, days, now);
  const dayRankingSeconds = seconds(started);
  process.stderr.write("… the month's rankings…\n");
  started = performance.now();
  await rankMonths(ctx.prisma, arrived.months, now);
  const rankingSeconds = seconds(started);

  let [fullRateSeconds, fullRollupSeconds]: (number | null)[] = [null, null];
  if (withFull) {
    process.stderr.write("The same month rated and rolled up in full…\n");
    started = performance.now();
    for (const month of outcome.months) await rateMonth(ctx.prisma, { month });
    fullRateSeconds = seconds(started);
    started = performance.now();
    await refreshRollupsForMonths(ctx.prisma, outcome.months);
    fullRollupSeconds = seconds(started);
  }

  return {
    monthCalls: restLines + lastLines,
    dayCalls: lastLines,
    setupSeconds,
    importSeconds,
    arrivalSeconds,
    dayRankingSeconds,
    rankingSeconds,
    fullRateSeconds,
    fullRollupSeconds,
  };
}

export function incrementalTable(f: IncrementalFigures): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const batch = f.importSeconds + f.arrivalSeconds;
  return [
    `Incremental: a month of ${n(f.monthCalls)} calls, its last day (${n(f.dayCalls)} calls) arriving after the rest`,
    "",
    "| step | seconds |",
    "|---|---:|",
    `| the month but its last day: import, full rating, roll-ups (setup) | ${f.setupSeconds.toFixed(1)} |`,
    `| the day's import | ${f.importSeconds.toFixed(1)} |`,
    `| its new calls rated (each user from its first new call) and its days rolled up, one transaction | ${f.arrivalSeconds.toFixed(1)} |`,
    `| then the days' rankings (the cdr-day-rankings job) | ${f.dayRankingSeconds.toFixed(1)} |`,
    `| and the month's and seven days' rankings (the cdr-rankings job) | ${f.rankingSeconds.toFixed(1)} |`,
    `| beside it: the month's full re-rating | ${f.fullRateSeconds?.toFixed(1) ?? "not run"} |`,
    `| beside it: the month's roll-ups rebuilt | ${f.fullRollupSeconds?.toFixed(1) ?? "not run"} |`,
    "",
    `The batch (import, rating, roll-ups): ${batch.toFixed(1)} s, ${(batch / f.importSeconds).toFixed(2)}x its import (target: at most 3x); with the rankings after it (the two jobs run side by side; summed here) ${((batch + f.dayRankingSeconds + f.rankingSeconds) / f.importSeconds).toFixed(2)}x. ${f.fullRateSeconds === null || f.fullRollupSeconds === null ? "" : `Before, the same batch cost its import plus ${(f.fullRateSeconds + f.fullRollupSeconds).toFixed(1)} s.`}`,
  ].join("\n");
}
