import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { CustomerListRow, TCustomerSort } from "@/lib/customers/list-customers";
import { formatNumber } from "@/lib/format";

type Direction = "asc" | "desc";

interface Column {
  header: string;
  sort?: TCustomerSort;
  align?: "right";
  cell: (row: CustomerListRow) => ReactNode;
}

const count = (value: number) => <span className="tabular-nums">{formatNumber(value)}</span>;

/**
 * The customers list: sorted, paged and searched by the server, so each sortable heading is a link
 * to the list sorted by it. On a phone each row is a card of label and value lines.
 */
export function CustomersTable({
  rows,
  showPartner,
  sort,
  dir,
  sortHref,
}: {
  rows: CustomerListRow[];
  showPartner: boolean;
  sort: TCustomerSort;
  dir: Direction;
  /** The list sorted by this column: the other direction when it is the current one. */
  sortHref: (sort: TCustomerSort) => string;
}) {
  const columns: Column[] = [
    {
      header: "Customer",
      sort: "name",
      cell: (row) => (
        <div className="min-w-0 max-sm:text-right sm:min-w-52">
          <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
            {row.name}
          </Link>
          {(row.legalName || row.vatNumber) && (
            <span className="block text-xs text-muted-foreground">
              {[row.legalName !== row.name && row.legalName, row.vatNumber].filter(Boolean).join(" · ")}
            </span>
          )}
        </div>
      ),
    },
    ...(showPartner
      ? [{ header: "Partner", sort: "partner" as const, cell: (row: CustomerListRow) => row.partnerName }]
      : []),
    { header: "Country", sort: "country", cell: (row) => row.countryName },
    {
      header: "Contact",
      cell: (row) =>
        row.contactName || row.contactEmail ? (
          <span className="break-words">
            {row.contactName}
            {row.contactEmail && <span className="block text-xs text-muted-foreground">{row.contactEmail}</span>}
          </span>
        ) : (
          <span className="text-muted-foreground">Not on file</span>
        ),
    },
    { header: "PBXs", sort: "pbxs", align: "right", cell: (row) => count(row.pbxs) },
    { header: "Active services", sort: "services", align: "right", cell: (row) => count(row.services) },
    { header: "Numbers", sort: "numbers", align: "right", cell: (row) => count(row.numbers) },
    {
      header: "Documents",
      cell: (row) =>
        row.archivedAt ? (
          <Badge>Archived</Badge>
        ) : row.documentsToRenew > 0 ? (
          <Badge variant="warning">{row.documentsToRenew} to renew</Badge>
        ) : (
          <span className="text-muted-foreground">Up to date</span>
        ),
    },
  ];
  return (
    <TableScrollRegion label="Customers" className="max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
      <table className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">
          Customers, sorted by {columns.find((c) => c.sort === sort)?.header ?? "name"}
        </caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs tracking-wide text-muted-foreground uppercase max-sm:hidden">
          <tr>
            {columns.map((column) => (
              <HeaderCell
                key={column.header}
                column={column}
                direction={column.sort === sort ? dir : undefined}
                href={column.sort ? sortHref(column.sort) : undefined}
              />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">
          {rows.map((row) => (
            <tr
              key={row.id}
              className="align-top max-sm:block max-sm:rounded-card max-sm:border max-sm:border-border max-sm:bg-surface max-sm:py-2"
            >
              {columns.map((column) => (
                <td
                  key={column.header}
                  className={cn(
                    "px-4 py-2.5",
                    column.align === "right" && "text-right",
                    "max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-4 max-sm:py-1 max-sm:text-right",
                  )}
                >
                  {/* The heading beside each value where the heading row is hidden. */}
                  <span className="shrink-0 text-left text-xs font-semibold tracking-wide text-neutral-700 uppercase sm:hidden">
                    {column.header}
                  </span>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScrollRegion>
  );
}

function HeaderCell({ column, direction, href }: { column: Column; direction?: Direction; href?: string }) {
  const className = cn("px-4 py-3 font-medium", column.align === "right" && "text-right");
  if (!href)
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <th
      scope="col"
      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
      className={cn(className, "py-1.5")}
    >
      <Link
        href={href}
        className={cn(
          "-mx-2 inline-flex items-center gap-1 rounded-control px-2 py-1 whitespace-nowrap uppercase hover:bg-neutral-200/70 hover:text-foreground",
          column.align === "right" && "flex-row-reverse",
        )}
      >
        {column.header}
        <span className="sr-only">
          {direction ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ", sort by this column"}
        </span>
        <Icon aria-hidden="true" className={cn("size-3.5", !direction && "text-neutral-500")} />
      </Link>
    </th>
  );
}
