"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { PriceColumn } from "@/lib/auth/policy";
import type { TCallRow } from "@/lib/cdr/statistics/call-list";
import { PRICE_COLUMN } from "@/lib/cdr/statistics/price-columns";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import { FigureCard } from "./figure-card";
import { useStatistics } from "./use-statistics";

type CallPage = { calls: TCallRow[]; prices: PriceColumn[]; total: number; page: number; pageSize: number };
const SORTABLE = [
  ["startedAt", "Start"],
  ["durationSeconds", "Duration"],
  ["cost", "Cost"],
] as const;

/** The filtered calls, a page at a time; page and sort are in the URL like the filters, so links share them. */
export function CallList({
  query,
  hrefWith,
}: {
  query: string;
  hrefWith: (changes: Record<string, string | undefined>) => string;
}) {
  const list = useStatistics<CallPage>("calls", query);
  const params = new URLSearchParams(query);
  const sort = params.get("sort") ?? "startedAt.desc";
  const data = list.data;
  const prices = data?.prices ?? [];
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="space-y-3 lg:col-span-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted-foreground">Sort by</span>
        {SORTABLE.map(([column, label]) => {
          const [current, order] = sort.split(".");
          const next = current === column && order === "desc" ? "asc" : "desc";
          return (
            <Link
              key={column}
              href={hrefWith({ sort: `${column}.${next}`, page: undefined })}
              aria-current={current === column ? "true" : undefined}
              className="rounded px-2 py-1 font-medium text-brand-700 hover:underline aria-[current]:bg-brand-50"
            >
              {label} {current === column ? (order === "desc" ? "↓" : "↑") : ""}
            </Link>
          );
        })}
        <Button asChild variant="secondary" size="sm" className="ml-auto">
          <a href={`/api/statistics/calls/export${query ? `?${query}` : ""}`} download>
            Export CSV
          </a>
        </Button>
      </div>
      <FigureCard
        title={data ? `Calls (${formatNumber(data.total)})` : "Calls"}
        query={list}
        table={{
          caption: "Calls matching the filters",
          // One column per price the actor sees: an end user's list carries the End User price only.
          headers: [
            "Start",
            "PBX",
            "Direction",
            "From",
            "To",
            "Area",
            "Duration",
            ...prices.map((p) => PRICE_COLUMN[p].label),
          ],
          rows: (data?.calls ?? []).map((c) => [
            formatDateTime(c.startedAt),
            c.pbx.name,
            c.direction === "INBOUND" ? "In" : "Out",
            <span key="f" className="font-mono">
              {c.fromE164}
            </span>,
            <span key="t" className="font-mono">
              {c.toE164}
            </span>,
            c.area ?? "—",
            `${Math.floor(c.durationSeconds / 60)}:${String(c.durationSeconds % 60).padStart(2, "0")}`,
            // A call with no price says why, never shows 0 (docs/decisions/0041).
            ...prices.map((p, i) => {
              const price = c.prices[p];
              if (c.notRated)
                return i === 0 ? (
                  <span key={p} className="text-amber-800">
                    {c.notRated}
                  </span>
                ) : (
                  "—"
                );
              return price == null ? "—" : formatMoney(price, c.currency, 3);
            }),
          ]),
        }}
      />
      {data && pageCount > 1 && (
        <nav
          aria-label="Call list pages"
          className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground"
        >
          <span>
            Page {data.page} of {formatNumber(pageCount)}
          </span>
          <span className="flex gap-4">
            {data.page > 1 && (
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={hrefWith({ page: String(data.page - 1) })}
              >
                Previous
              </Link>
            )}
            {data.page < pageCount && (
              <Link
                className="font-medium text-brand-700 hover:underline"
                href={hrefWith({ page: String(data.page + 1) })}
              >
                Next
              </Link>
            )}
          </span>
        </nav>
      )}
    </div>
  );
}
