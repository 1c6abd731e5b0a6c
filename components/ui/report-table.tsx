import type { ReactNode } from "react";
import { cn } from "./cn";
import { TableScrollRegion } from "./table-scroll-region";

/** A column's heading: right-aligned over numbers; `hidden` keeps it for screen readers only (an actions column). */
export type ReportColumn = { header: string; align?: "right"; hidden?: boolean };

/** The padding of a ReportTable's body cells. */
export const REPORT_CELL = "px-4 py-2.5";

/**
 * A hand-written table of a page (admin reports, lists): the scroll region, a caption for screen
 * readers (the label unless given) and the heading row, written once; the rows (`children`) stay the
 * page's own. A column given as `false` is left out (a column only some viewers get).
 */
export function ReportTable({
  label,
  caption = label,
  columns,
  className,
  children,
}: {
  label: string;
  caption?: ReactNode;
  columns: (ReportColumn | false)[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableScrollRegion label={label} className={className}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {columns
              .filter((column) => column !== false)
              .map(({ header, align, hidden }) => (
                <th key={header} scope="col" className={cn("px-4 py-3 font-medium", align === "right" && "text-right")}>
                  {hidden ? <span className="sr-only">{header}</span> : header}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">{children}</tbody>
      </table>
    </TableScrollRegion>
  );
}

/** A part of a page under its own heading, which names it for screen readers. */
export function PageSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
