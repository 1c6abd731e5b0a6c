import Link from "next/link";
import type { ReactNode } from "react";

/** Where a paged list stands, with links to the pages either side (each page has a URL). */
export function Pagination({
  summary,
  page,
  pageCount,
  hrefOf,
  labels = ["Previous", "Next"],
}: {
  summary: ReactNode;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  labels?: [string, string];
}) {
  return (
    <nav
      aria-label="Pagination"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground"
    >
      <span>{summary}</span>
      <span className="flex gap-4">
        {page > 1 && (
          <Link className="font-medium text-brand-700 hover:underline" href={hrefOf(Math.min(page - 1, pageCount))}>
            {labels[0]}
          </Link>
        )}
        {page < pageCount && (
          <Link className="font-medium text-brand-700 hover:underline" href={hrefOf(page + 1)}>
            {labels[1]}
          </Link>
        )}
      </span>
    </nav>
  );
}
