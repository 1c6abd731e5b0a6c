import { Pagination } from "@/components/ui/pagination";
import { formatNumber } from "@/lib/format";

/** "N things · page p of n" with Newer / Older links, for lists newest first paged by `?page=`. */
export function NewerOlderPager({
  total,
  noun,
  page,
  pageCount,
}: {
  total: number;
  noun: string;
  page: number;
  pageCount: number;
}) {
  return (
    <Pagination
      summary={`${formatNumber(total)} ${noun} · page ${page} of ${pageCount}`}
      page={page}
      pageCount={pageCount}
      hrefOf={(p) => `?page=${p}`}
      labels={["Newer", "Older"]}
    />
  );
}
