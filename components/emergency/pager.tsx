import Link from "next/link";

/** Previous/next links of a paged list; `href` builds the link of a page, keeping the other filters. */
export function Pager({
  label,
  page,
  pageCount,
  href,
}: {
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
      <span>
        Page {page} of {pageCount}
      </span>
      <span className="flex gap-4">
        {page > 1 && (
          <Link className="font-medium text-brand-700 hover:underline" href={href(page - 1)}>
            Previous
          </Link>
        )}
        {page < pageCount && (
          <Link className="font-medium text-brand-700 hover:underline" href={href(page + 1)}>
            Next
          </Link>
        )}
      </span>
    </nav>
  );
}
