import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import type { CreditNoteRow } from "@/lib/billing/queries";
import { formatDate, formatMoney, formatPageSummary } from "@/lib/format";

/** Credit notes with their invoice (linked to `invoiceBase`/id) and a PDF each, newest first. */
export function CreditNotesList({
  listing,
  invoiceBase,
  hrefOf,
}: {
  listing: { rows: CreditNoteRow[]; total: number; page: number; pageCount: number };
  invoiceBase: string;
  hrefOf: (page: number) => string;
}) {
  const { rows, total, page, pageCount } = listing;
  if (!rows.length) return <p className="text-sm text-muted-foreground">No credit notes.</p>;
  return (
    <>
      <ReportTable
        label="Credit notes"
        columns={[
          { header: "Credit note" },
          { header: "Invoice" },
          { header: "Issued" },
          { header: "Reason" },
          { header: "Total", align: "right" },
          { header: "Download", hidden: true },
        ]}
      >
        {rows.map((note) => (
          <tr key={note.id} className="align-top">
            <td className={`${REPORT_CELL} font-medium whitespace-nowrap`}>{note.number}</td>
            <td className={`${REPORT_CELL} whitespace-nowrap`}>
              <Link className="text-brand-700 hover:underline" href={`${invoiceBase}/${note.invoiceId}`}>
                {note.invoiceNumber}
              </Link>
            </td>
            <td className={`${REPORT_CELL} whitespace-nowrap`}>{formatDate(note.issuedAt)}</td>
            <td className={`${REPORT_CELL} min-w-48`}>{note.reason}</td>
            <td className={`${REPORT_CELL} text-right tabular-nums whitespace-nowrap`}>
              {formatMoney(note.total, note.currency)}
            </td>
            <td className={`${REPORT_CELL} text-right`}>
              <a
                className="font-medium text-brand-700 hover:underline"
                href={`/api/credit-notes/${note.id}/pdf`}
                download
              >
                PDF<span className="sr-only"> of credit note {note.number}</span>
              </a>
            </td>
          </tr>
        ))}
      </ReportTable>
      {pageCount > 1 && (
        <Pagination
          summary={formatPageSummary(total, "credit note", page, pageCount)}
          page={page}
          pageCount={pageCount}
          hrefOf={hrefOf}
        />
      )}
    </>
  );
}
