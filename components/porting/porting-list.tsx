import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusTabs } from "@/components/ui/filter-tab";
import { Pagination } from "@/components/ui/pagination";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { PortingStatus } from "@/lib/db/generated/enums";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import type { listPortingRequests } from "@/lib/porting/queries";
import { PORTING_STATUSES } from "@/lib/porting/transitions";
import { PORTING_STATUS, PortingStatusBadge } from "./status-badge";

type Listing = Awaited<ReturnType<typeof listPortingRequests>>;
type Search = { status?: PortingStatus; partner?: string; page?: number };

function hrefOf(search: Search, next: Partial<Record<keyof Search, string>>) {
  const merged = { ...search, page: undefined, ...next };
  return `?${new URLSearchParams(
    Object.entries(merged)
      .filter(([, v]) => v && v !== "1")
      .map(([k, v]) => [k, String(v)]),
  )}`;
}

/**
 * A page of port-in requests with status tabs (and counts) and pagination, as links: every view has
 * a URL. The queue adds the partner column; each side links to its own detail page.
 */
export function PortingList({
  listing,
  search,
  hrefBase,
  isQueue = false,
}: {
  listing: Listing;
  search: Search;
  hrefBase: string;
  isQueue?: boolean;
}) {
  const { requests, counts, total, page, pageCount } = listing;
  return (
    <>
      <StatusTabs
        statuses={PORTING_STATUSES}
        labelOf={(s) => PORTING_STATUS[s].label}
        counts={counts}
        active={search.status}
        hrefOf={(status) => hrefOf(search, { status })}
      />
      {requests.length === 0 ? (
        <EmptyState
          title={page > 1 ? "No requests on this page" : "No porting requests"}
          description={
            search.status || search.partner
              ? "Nothing matches these filters."
              : isQueue
                ? "Port-in requests from partners appear here."
                : "Port numbers in from a PBX's page; your requests appear here."
          }
        />
      ) : (
        <TableScrollRegion label="Porting requests">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Porting requests</caption>
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Numbers
                </th>
                {isQueue && (
                  <th scope="col" className="px-4 py-3 font-medium">
                    Partner
                  </th>
                )}
                <th scope="col" className="px-4 py-3 font-medium">
                  PBX
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  From operator
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Switch
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Submitted
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {requests.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="px-4 py-2.5">
                    <Link
                      href={`${hrefBase}/${r.id}`}
                      className="font-medium whitespace-nowrap text-brand-700 hover:underline"
                    >
                      {r.numbers[0]?.e164 ?? "No numbers"}
                      {r._count.numbers > 1 && ` +${r._count.numbers - 1}`}
                    </Link>
                    <span className="block text-xs text-muted-foreground">
                      {r._count.numbers} number{r._count.numbers === 1 ? "" : "s"} · {r.numbers[0]?.countryCode}
                    </span>
                  </td>
                  {isQueue && <td className="px-4 py-2.5">{r.partner.name}</td>}
                  <td className="px-4 py-2.5">{r.pbx.name}</td>
                  <td className="px-4 py-2.5">{r.currentOperator}</td>
                  <td className="px-4 py-2.5">
                    <PortingStatusBadge status={r.status} />
                  </td>
                  <td className="px-4 py-2.5 whitespace-nowrap">
                    {r.portingAt
                      ? formatDateTime(r.portingAt)
                      : r.requestedDate
                        ? `Asked for ${formatDate(r.requestedDate)}`
                        : "—"}
                  </td>
                  <td className="px-4 py-2.5 text-right whitespace-nowrap">{formatDate(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
      <Pagination
        summary={`${formatNumber(total)} request${total === 1 ? "" : "s"} · page ${page} of ${pageCount}`}
        page={page}
        pageCount={pageCount}
        hrefOf={(p) => hrefOf(search, { page: String(p) })}
      />
    </>
  );
}
