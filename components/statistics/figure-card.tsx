"use client";

import { useId, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { cn } from "@/components/ui/cn";

type FigureTableProps = { caption: string; headers: string[]; rows: ReactNode[][] };

/** A simple table of a figure's rows: the chart's table view, read by screen readers whichever view shows. */
function FigureTable({ caption, headers, rows }: FigureTableProps) {
  return (
    <TableScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={cn("px-3 py-2 font-medium", i > 0 && "text-right")}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) => (
                <td key={i} className={cn("px-3 py-1.5", i > 0 && "text-right tabular-nums")}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

/**
 * A dashboard figure: loading, error and empty states in one place, and for a chart a "table view"
 * toggle. The chart is hidden from assistive technology; its table is always in the page (visually
 * hidden while the chart shows), so keyboard and screen-reader users get every number. The figure is
 * empty when its table has no rows, unless `isEmpty` says otherwise.
 */
export function FigureCard({
  title,
  query,
  isEmpty,
  chart,
  table,
  className,
  progress,
}: {
  title: string;
  query: { isPending: boolean; error: Error | null };
  /** What the figure waits for while pending, when that takes longer than a request. */
  progress?: string;
  isEmpty?: boolean;
  chart?: ReactNode;
  table: FigureTableProps;
  className?: string;
}) {
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const empty = isEmpty ?? !table.rows.length;
  let body: ReactNode;
  if (query.isPending)
    body = (
      <>
        {progress && (
          <p role="status" className="mb-2 text-sm text-muted-foreground">
            {progress}
          </p>
        )}
        <Skeleton className="h-40 w-full" />
      </>
    );
  else if (query.error) body = <Alert variant="danger">{query.error.message}</Alert>;
  else if (empty) body = <EmptyState title="No calls" description="Nothing matches these filters." className="py-6" />;
  else if (!chart) body = <FigureTable {...table} />;
  else
    body = (
      <>
        {/* inert: the chart is a picture of the table below; recharts makes its svg focusable. */}
        {!showTable && <div inert>{chart}</div>}
        <div className={showTable ? undefined : "sr-only"}>
          <FigureTable {...table} />
        </div>
      </>
    );
  return (
    <Card aria-labelledby={headingId} aria-busy={query.isPending} className={cn("min-w-0", className)}>
      <CardHeader className="items-center">
        <CardTitle id={headingId}>{title}</CardTitle>
        {chart && !query.isPending && !query.error && !empty && (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            Table view
          </Button>
        )}
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
