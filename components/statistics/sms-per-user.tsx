"use client";

import { useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { PRICE_COLUMN } from "@/lib/cdr/statistics/price-columns";
import { formatMoney, formatNumber } from "@/lib/format";
import type { TSmsPerUser } from "@/lib/sms/statistics/sms-per-user";
import { useStatistics } from "./use-statistics";

/** SMS per user for the page's filters (R15), on its own React Query island below the call figures. */
export function SmsPerUserSection({ query }: { query: string }) {
  return (
    <QueryProvider>
      <SmsPerUser query={query} />
    </QueryProvider>
  );
}

// The page is the table's own state, not the URL's: the statistics URL carries the filters only.
function SmsPerUser({ query }: { query: string }) {
  const [page, setPage] = useState(1);
  const params = new URLSearchParams(query);
  for (const key of ["page", "sort"]) params.delete(key);
  params.set("smsPage", String(page));
  const result = useStatistics<TSmsPerUser>("sms-users", params.toString());
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const headers = [
    "User",
    "Sent",
    "Received",
    "Included",
    "Charged",
    ...(data?.prices ?? []).map((p) => PRICE_COLUMN[p].label),
  ];
  let body;
  if (result.isPending) body = <Skeleton className="h-40 w-full" />;
  else if (result.error) body = <Alert variant="danger">{result.error.message}</Alert>;
  else if (!data?.rows.length)
    body = <EmptyState title="No SMS" description="No user sent or received an SMS this month." className="py-6" />;
  else
    body = (
      <TableScrollRegion label="SMS per user">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            SMS sent and received per user in {data.month}: 200 sent messages included, received ones free
          </caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              {headers.map((h, i) => (
                <th key={h} scope="col" className={i ? "px-3 py-2 text-right font-medium" : "px-3 py-2 font-medium"}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {data.rows.map((r) => (
              <tr key={`${r.pbxId}:${r.extension}`}>
                <th scope="row" className="px-3 py-1.5 font-medium">
                  {r.extension || "No user"}
                  <span className="block text-xs font-normal text-muted-foreground">{r.pbxName}</span>
                </th>
                {[r.sent, r.received, r.included, r.charged].map((n, i) => (
                  <td key={i} className="px-3 py-1.5 text-right tabular-nums">
                    {formatNumber(n)}
                  </td>
                ))}
                {data.prices.map((p) => (
                  <td key={p} className="px-3 py-1.5 text-right tabular-nums">
                    {formatMoney(r.prices[p] ?? "0", r.currency, 3)}
                    {r.unrated > 0 && (
                      <span className="block text-xs text-warning-800">{formatNumber(r.unrated)} not yet rated</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
    );
  return (
    <Card className="mt-6 min-w-0" aria-busy={result.isPending}>
      <CardHeader>
        <CardTitle>SMS per user{data ? ` (${data.month})` : ""}</CardTitle>
      </CardHeader>
      <CardContent>
        {body}
        {data && pageCount > 1 && (
          <nav aria-label="SMS per user pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
            <span className="text-muted-foreground">
              Page {data.page} of {formatNumber(pageCount)}
            </span>
            <span className="flex gap-2">
              <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button size="sm" variant="secondary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </span>
          </nav>
        )}
      </CardContent>
    </Card>
  );
}
