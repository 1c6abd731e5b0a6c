import Link from "next/link";
import { formatNumber } from "@/lib/format";

/** "N things · page p of n" with Newer / Older links, for lists newest first paged by `?page=`. */
export function NewerOlderPager({ total, noun, page, pageCount }: { total: number; noun: string; page: number; pageCount: number }) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
      <span>
        {formatNumber(total)} {noun} · page {page} of {pageCount}
      </span>
      <span className="flex gap-4">
        {page > 1 && <Link className="font-medium text-brand-700 hover:underline" href={`?page=${Math.min(page - 1, pageCount)}`}>Newer</Link>}
        {page < pageCount && <Link className="font-medium text-brand-700 hover:underline" href={`?page=${page + 1}`}>Older</Link>}
      </span>
    </nav>
  );
}
