"use client";

import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { Skeleton } from "@/components/ui/skeleton";
import type { TFigures } from "@/lib/cdr/statistics/figures";
import { costTitle } from "@/lib/cdr/statistics/period-title";
import { formatNumber } from "@/lib/format";
import { FigureBarChart } from "./figure-bar-chart";
import { FigureCard } from "./figure-card";
import { moneyCard } from "./money";
import { useLongerThan } from "./use-longer-than";
import { useStatistics } from "./use-statistics";

const minutes = (seconds: number) => Math.round(seconds / 60);
const IN = "#156f8b";
const OUT = "#c2410c";
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function useFigure<K extends keyof TFigures>(name: K, query: string, pollWhile?: (data: TFigures[K]) => boolean) {
  return useStatistics<TFigures[K]>(`figures/${name}`, query, pollWhile);
}

export function PerDayFigure({ query }: { query: string }) {
  const figure = useFigure("perDay", query);
  const days = new Map<
    string,
    { day: string; inCalls: number; outCalls: number; inMinutes: number; outMinutes: number }
  >();
  for (const row of figure.data ?? []) {
    const day = days.get(row.day) ?? { day: row.day, inCalls: 0, outCalls: 0, inMinutes: 0, outMinutes: 0 };
    if (row.direction === "INBOUND") Object.assign(day, { inCalls: row.calls, inMinutes: minutes(row.seconds) });
    else Object.assign(day, { outCalls: row.calls, outMinutes: minutes(row.seconds) });
    days.set(row.day, day);
  }
  const rows = [...days.values()];
  return (
    <FigureCard
      title="Calls and minutes per day"
      className="lg:col-span-2"
      query={figure}
      chart={
        <FigureBarChart
          data={rows}
          xKey="day"
          xTickFormatter={(d) => d.slice(5)}
          height={240}
          bars={[
            { dataKey: "inMinutes", name: "Minutes in", fill: IN, stackId: "m" },
            { dataKey: "outMinutes", name: "Minutes out", fill: OUT, stackId: "m" },
          ]}
        />
      }
      table={{
        caption: "Calls and minutes per day: one row per day",
        headers: ["Day", "Calls in", "Calls out", "Minutes in", "Minutes out"],
        rows: rows.map((r) => [
          r.day,
          formatNumber(r.inCalls),
          formatNumber(r.outCalls),
          formatNumber(r.inMinutes),
          formatNumber(r.outMinutes),
        ]),
      }}
    />
  );
}

export function HourOfWeekFigure({ query }: { query: string }) {
  const figure = useFigure("hourOfWeek", query);
  const counts = new Map((figure.data ?? []).map((r) => [`${r.weekday}-${r.hour}`, r.calls]));
  const max = Math.max(1, ...counts.values());
  return (
    <FigureCard
      title="Calls per hour of the week"
      className="lg:col-span-2"
      query={figure}
      isEmpty={!counts.size}
      table={{
        caption: "Calls per hour of the week: one row per weekday, one column per hour",
        headers: ["Day", ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"))],
        rows: WEEKDAYS.map((name, d) => [
          name,
          ...Array.from({ length: 24 }, (_, h) => {
            const calls = counts.get(`${d + 1}-${h}`) ?? 0;
            // The shade is decoration: the number in the cell carries the value.
            return (
              <span
                key={h}
                className="block rounded px-1 text-xs"
                style={{ backgroundColor: `rgba(21, 111, 139, ${(calls / max) * 0.35})` }}
              >
                {calls}
              </span>
            );
          }),
        ]),
      }}
    />
  );
}

/** `zone`: the view's time zone, whose calendar names the cost's period (decision 0045). */
export function AnsweredFigure({ query, zone }: { query: string; zone: string }) {
  const figure = useFigure("answered", query);
  // The cost of the period shown, named by it: "so far this month" only for the current month.
  const cost = useFigure("cost", query);
  const a = figure.data;
  if (figure.isPending || !a)
    return (
      <div aria-busy="true" className="lg:col-span-2">
        <Skeleton className="h-24 w-full" />
      </div>
    );
  return (
    <div className="lg:col-span-2">
      <StatGrid>
        <StatCard
          label="Calls"
          value={formatNumber(a.calls)}
          detail={`${formatNumber(a.answeredCalls)} answered · ${formatNumber(a.calls - a.answeredCalls)} not answered`}
        />
        <StatCard label="Answer-seizure ratio (ASR)" value={a.asr === null ? "—" : `${(a.asr * 100).toFixed(1)} %`} />
        <StatCard
          label="Average call length (ALOC)"
          value={
            a.alocSeconds === null ? "—" : `${Math.floor(a.alocSeconds / 60)} min ${Math.round(a.alocSeconds % 60)} s`
          }
        />
        <StatCard label={costTitle(query, new Date(), zone)} {...(cost.data ? moneyCard(cost.data) : { value: "…" })} />
      </StatGrid>
    </div>
  );
}

export function ByAreaFigure({ query }: { query: string }) {
  const figure = useFigure("byArea", query);
  const rows = (figure.data ?? []).map((r) => ({
    area: r.area === null ? "Unrated" : `Area ${r.area}`,
    calls: r.calls,
    minutes: minutes(r.seconds),
  }));
  return (
    <FigureCard
      title="Minutes by area"
      query={figure}
      chart={
        <FigureBarChart
          data={rows}
          xKey="area"
          height={220}
          bars={[{ dataKey: "minutes", name: "Minutes", fill: IN }]}
        />
      }
      table={{
        caption: "Minutes by call-termination area (1-6)",
        headers: ["Area", "Calls", "Minutes"],
        rows: rows.map((r) => [r.area, formatNumber(r.calls), formatNumber(r.minutes)]),
      }}
    />
  );
}

export function TopDestinationsFigure({ query }: { query: string }) {
  const figure = useFigure("topDestinations", query);
  const rows = figure.data ?? [];
  return (
    <FigureCard
      title="Top destinations"
      query={figure}
      table={{
        caption: "Top destination countries of outgoing calls",
        headers: ["Country", "Calls", "Minutes"],
        rows: rows.map((r) => [r.countryCode, formatNumber(r.calls), formatNumber(minutes(r.seconds))]),
      }}
    />
  );
}

/** How long a ranking may wait before the figure explains why, when no worker is alive to run it. */
const USUAL_RANKING_MS = 5_000;

export function TopNumbersFigure({ query }: { query: string }) {
  // A range no stored ranking covers is ranked by a background job: poll until it is.
  const figure = useFigure("topNumbers", query, (data) => data.ranking === "pending");
  const pending = figure.data?.ranking === "pending" ? figure.data : null;
  const late = useLongerThan(USUAL_RANKING_MS, pending !== null, query);
  const rows = figure.data?.numbers ?? [];
  return (
    <FigureCard
      title="Top numbers"
      query={{ isPending: figure.isPending || pending !== null, error: figure.error }}
      progress={
        !pending
          ? undefined
          : late && !pending.workerAlive
            ? "Taking longer than usual: no background worker is running, so the ranking of these days has not started. It starts as soon as one runs; this figure then fills in by itself."
            : "Ranking the numbers of these days…"
      }
      table={{
        caption: "Top numbers: called numbers of outgoing calls, callers of incoming calls",
        headers: ["Number", "Direction", "Calls", "Minutes"],
        rows: rows.map((r) => [
          <span key="n" className="font-mono">
            {r.number}
          </span>,
          r.direction === "INBOUND" ? "In" : "Out",
          formatNumber(r.calls),
          formatNumber(minutes(r.seconds)),
        ]),
      }}
    />
  );
}

const percent = (used: number, included: number) => `${Math.round((used / included) * 100)} %`;

/** R5 and R15 per PBX user: what each has used of the included minutes and SMS, and where the month is heading. */
export function IncludedUseFigure({ query, pbxNames }: { query: string; pbxNames: Record<string, string> }) {
  const figure = useFigure("userUse", query);
  const rows = figure.data ?? [];
  return (
    <FigureCard
      title="Included minutes and SMS per user"
      className="lg:col-span-2"
      query={figure}
      table={{
        caption:
          "Use of the 3000 included Area 1 minutes and 200 SMS per user this month, with the projection to month end",
        headers: ["User", "Minutes used", "Projected", "SMS sent", "Projected"],
        rows: rows.map((r) => [
          <span key="u">
            {r.extension}
            <span className="block text-xs text-muted-foreground">{pbxNames[r.pbxId] ?? ""}</span>
          </span>,
          `${formatNumber(Math.round(r.minutesUsed))} of ${formatNumber(r.minutesIncluded)} (${percent(r.minutesUsed, r.minutesIncluded)})`,
          <span
            key="p"
            className={r.minutesProjected > r.minutesIncluded ? "font-semibold text-warning-800" : undefined}
          >
            {formatNumber(Math.round(r.minutesProjected))}
          </span>,
          `${formatNumber(r.smsSent)} of ${formatNumber(r.smsIncluded)}`,
          <span key="s" className={r.smsProjected > r.smsIncluded ? "font-semibold text-warning-800" : undefined}>
            {formatNumber(Math.round(r.smsProjected))}
          </span>,
        ]),
      }}
    />
  );
}
