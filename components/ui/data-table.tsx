"use client";

import { useId, useMemo, useState, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { Button } from "./button";
import { cn } from "./cn";
import { EmptyState, type EmptyStateProps } from "./empty-state";

type SortValue = string | number | Date | null | undefined;

export type Column<Row> = {
  key: string;
  header: ReactNode;
  /** Cell content; defaults to row[key] when that is a string or number. */
  cell?: (row: Row) => ReactNode;
  sortable?: boolean;
  /** Value to sort by; defaults to row[key]. Needed when cell() renders something other than the raw value. */
  sortValue?: (row: Row) => SortValue;
  /** Right-align numbers, amounts and dates so digits line up. */
  align?: "left" | "right";
  /** Applied to the header and body cells of the column, e.g. "w-40" or "whitespace-nowrap". */
  className?: string;
};

export type SortDirection = "ascending" | "descending";
export type DataTableSort = { key: string; direction: SortDirection };

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  getRowKey: (row: Row) => string | number;
  /** Names the table for screen readers; shown only when captionVisible. */
  caption: string;
  captionVisible?: boolean;
  pageSize?: number;
  initialSort?: DataTableSort;
  /** Shown instead of the table when there are no rows (e.g. no results for the current filters). */
  empty?: Omit<EmptyStateProps, "className">;
  /** Filters, search box or bulk actions shown above the table. */
  toolbar?: ReactNode;
  className?: string;
  /**
   * Below the `sm` breakpoint, each row is a card of label and value lines instead of a table row, so
   * a row's action (a button in its last column) is on screen without scrolling sideways. Sorting is
   * then by the desktop's headers only.
   */
  stackOnPhone?: boolean;
};

function rawValue<Row>(row: Row, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

function defaultSortValue(value: unknown): SortValue {
  return typeof value === "string" || typeof value === "number" || value instanceof Date ? value : undefined;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function isMissing(value: SortValue): value is null | undefined | "" {
  return value == null || value === "";
}

function compareValues(a: string | number | Date, b: string | number | Date): number {
  if (typeof a === "string" || typeof b === "string") return collator.compare(String(a), String(b));
  return Number(a) - Number(b);
}

function sortRows<Row>(rows: Row[], column: Column<Row>, direction: SortDirection): Row[] {
  const valueOf = column.sortValue ?? ((row: Row) => defaultSortValue(rawValue(row, column.key)));
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row) => ({ row, value: valueOf(row) }))
    .sort((a, b) => {
      // Rows without a value go last in either direction, so blanks never crowd the top.
      if (isMissing(a.value) || isMissing(b.value)) return Number(isMissing(a.value)) - Number(isMissing(b.value));
      return sign * compareValues(a.value, b.value);
    })
    .map(({ row }) => row);
}

export function DataTable<Row>({
  columns,
  rows,
  getRowKey,
  caption,
  captionVisible = false,
  pageSize = 25,
  initialSort,
  empty,
  toolbar,
  className,
  stackOnPhone = false,
}: DataTableProps<Row>) {
  const captionId = useId();
  const [sort, setSort] = useState<DataTableSort | undefined>(initialSort);
  const [requestedPage, setRequestedPage] = useState(1);

  const sortedRows = useMemo(() => {
    const column = sort && columns.find((candidate) => candidate.key === sort.key);
    return column ? sortRows(rows, column, sort.direction) : rows;
  }, [rows, columns, sort]);

  const pageCount = Math.max(1, Math.ceil(sortedRows.length / pageSize));
  // Clamped rather than reset in an effect, so shrinking `rows` (filtering) never shows an empty page.
  const page = Math.min(requestedPage, pageCount);
  const start = (page - 1) * pageSize;
  const pageRows = sortedRows.slice(start, start + pageSize);

  function toggleSort(key: string) {
    setSort((current) =>
      current?.key === key && current.direction === "ascending"
        ? { key, direction: "descending" }
        : { key, direction: "ascending" },
    );
    setRequestedPage(1);
  }

  return (
    <div className={cn("rounded-card border border-border bg-surface shadow-xs", className)}>
      {toolbar && <div className="flex flex-wrap items-end gap-3 border-b border-border px-4 py-3">{toolbar}</div>}
      {rows.length === 0 ? (
        <EmptyState title="Nothing here yet" {...empty} />
      ) : (
        <>
          {/* Focusable so keyboard users can scroll a table that is wider than the screen; relative so an
              sr-only (absolute) label inside a cell stays in here instead of widening the whole page. */}
          <div
            role="region"
            aria-labelledby={captionId}
            tabIndex={0}
            // Clips the header background to the card's rounded corners when nothing sits above it.
            className={cn("relative overflow-x-auto", !toolbar && "rounded-t-card")}
          >
            <table className={cn("w-full border-collapse text-left text-sm", stackOnPhone && "max-sm:block")}>
              <caption
                id={captionId}
                className={captionVisible ? "caption-top px-4 pt-3 text-left font-semibold text-foreground" : "sr-only"}
              >
                {caption}
              </caption>
              <thead className={cn("bg-neutral-50", stackOnPhone && "max-sm:hidden")}>
                <tr className="border-b border-border">
                  {columns.map((column) => (
                    <HeaderCell
                      key={column.key}
                      column={column}
                      direction={sort?.key === column.key ? sort.direction : undefined}
                      onSort={() => toggleSort(column.key)}
                    />
                  ))}
                </tr>
              </thead>
              <tbody className={cn(stackOnPhone && "max-sm:block")}>
                {pageRows.map((row) => (
                  <tr
                    key={getRowKey(row)}
                    className={cn(
                      "border-b border-border last:border-b-0 hover:bg-neutral-50",
                      stackOnPhone && "max-sm:block max-sm:py-2",
                    )}
                  >
                    {columns.map((column) => (
                      <td
                        key={column.key}
                        className={cn(
                          "px-4 py-3 align-middle text-foreground",
                          column.align === "right" && "text-right tabular-nums",
                          column.className,
                          stackOnPhone &&
                            "max-sm:flex max-sm:w-auto max-sm:items-center max-sm:justify-between max-sm:gap-4 max-sm:py-1 max-sm:text-right",
                        )}
                      >
                        {/* The header beside each value where the header row is hidden; display:none on wider screens. */}
                        {stackOnPhone && (
                          <span className="shrink-0 text-left text-xs font-semibold tracking-wide text-neutral-700 uppercase sm:hidden">
                            {column.header}
                          </span>
                        )}
                        {column.cell ? column.cell(row) : defaultCell(rawValue(row, column.key))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageCount={pageCount}
            from={start + 1}
            to={start + pageRows.length}
            total={sortedRows.length}
            onPageChange={setRequestedPage}
          />
        </>
      )}
    </div>
  );
}

function defaultCell(value: unknown): ReactNode {
  return typeof value === "string" || typeof value === "number" ? value : null;
}

function HeaderCell<Row>({
  column,
  direction,
  onSort,
}: {
  column: Column<Row>;
  direction: SortDirection | undefined;
  onSort: () => void;
}) {
  const alignRight = column.align === "right";
  const headerClassName = cn(
    "px-4 py-2.5 text-xs font-semibold tracking-wide text-neutral-700 uppercase",
    alignRight && "text-right",
    column.className,
  );
  if (!column.sortable) {
    return (
      <th scope="col" className={headerClassName}>
        {column.header}
      </th>
    );
  }
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ChevronsUpDown;
  return (
    <th scope="col" aria-sort={direction} className={cn(headerClassName, "py-1.5")}>
      <button
        type="button"
        onClick={onSort}
        className={cn(
          "-mx-2 inline-flex items-center gap-1 rounded-control px-2 py-1 uppercase hover:bg-neutral-200/70 hover:text-foreground",
          alignRight && "flex-row-reverse",
        )}
      >
        {column.header}
        <Icon aria-hidden="true" className={cn("size-3.5", !direction && "text-neutral-500")} />
      </button>
    </th>
  );
}

function Pagination({
  page,
  pageCount,
  from,
  to,
  total,
  onPageChange,
}: {
  page: number;
  pageCount: number;
  from: number;
  to: number;
  total: number;
  onPageChange: (page: number) => void;
}) {
  const format = (value: number) => value.toLocaleString("en");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm text-muted-foreground">
      {/* Live so screen reader users hear that the page changed. */}
      <p aria-live="polite">
        Showing {format(from)}–{format(to)} of {format(total)}
      </p>
      {pageCount > 1 && (
        <nav aria-label="Pagination" className="flex items-center gap-3">
          <span>
            Page {format(page)} of {format(pageCount)}
          </span>
          {/* aria-disabled rather than disabled: a disabled button drops keyboard focus to <body>
              when the last page is reached. */}
          <Button
            variant="secondary"
            size="sm"
            aria-disabled={page <= 1}
            onClick={() => page > 1 && onPageChange(page - 1)}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-disabled={page >= pageCount}
            onClick={() => page < pageCount && onPageChange(page + 1)}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
