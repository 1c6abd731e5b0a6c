import { Download } from "lucide-react";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageSection, REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { DETAIL_LINE_LIMIT, type InvoiceDetail } from "@/lib/billing/queries";
import { formatDate, formatDateIn, formatMoney, formatNumber } from "@/lib/format";
import { InvoiceStatusBadge, monthLabel } from "./labels";

/** The invoice's PDF and CSV (and the PDF of each credit note below), read through the actor's scope. */
export function InvoiceDownloads({ invoice }: { invoice: Pick<InvoiceDetail, "id" | "status"> }) {
  const what = invoice.status === "DRAFT" ? "draft" : "invoice";
  return (
    <>
      <a className={buttonClassName("secondary")} href={`/api/invoices/${invoice.id}/pdf`} download>
        <Download aria-hidden="true" className="size-4" />
        PDF<span className="sr-only"> of the {what}</span>
      </a>
      <a className={buttonClassName("secondary")} href={`/api/invoices/${invoice.id}/csv`} download>
        <Download aria-hidden="true" className="size-4" />
        CSV<span className="sr-only"> of the {what}&apos;s lines</span>
      </a>
    </>
  );
}

/** The invoice's header, totals, lines grouped by PBX, credit notes and payments: the same for admins and partners. */
export function InvoiceView({ invoice }: { invoice: InvoiceDetail }) {
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  const zone = invoice.timeZone;
  return (
    <div className="space-y-8">
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Billed to</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList
              facts={[
                ["Name", invoice.billedTo.name],
                ["Country", invoice.billedTo.countryName ?? "—"],
                ["VAT number", invoice.billedTo.vatNumber ?? "None"],
                [
                  "Billing e-mail",
                  <span key="e" className="break-all">
                    {invoice.billedTo.billingEmail ?? "—"}
                  </span>,
                ],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Invoice</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList
              facts={[
                ["Number", invoice.number ?? "None yet (draft)"],
                ["Month", monthLabel(invoice.month)],
                ["Status", <InvoiceStatusBadge key="s" status={invoice.status} />],
                ["Issued", invoice.issuedAt ? formatDateIn(invoice.issuedAt, zone) : "Not yet"],
                ["Due", invoice.dueAt ? formatDateIn(invoice.dueAt, zone) : "—"],
                ...(invoice.paidAt ? ([["Paid", formatDateIn(invoice.paidAt, zone)]] as [string, string][]) : []),
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Totals</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList
              facts={[
                ["Net", money(invoice.net)],
                [`VAT ${invoice.vatRate} %`, money(invoice.vatAmount)],
                [
                  "Total",
                  <strong key="t" data-testid="invoice-total">
                    {money(invoice.total)}
                  </strong>,
                ],
                ...(invoice.status === "DRAFT"
                  ? []
                  : ([
                      ["Credited", money(invoice.credited)],
                      ["Paid", money(invoice.paid)],
                      [
                        "Still to pay",
                        <strong key="o" data-testid="invoice-outstanding">
                          {money(invoice.outstanding)}
                        </strong>,
                      ],
                    ] as [string, React.ReactNode][])),
              ]}
            />
            {invoice.vatNote && <p className="mt-3 text-xs text-muted-foreground">{invoice.vatNote}</p>}
          </CardContent>
        </Card>
      </div>

      <PageSection id="invoice-lines" title="Lines by PBX">
        {invoice.lineCount > DETAIL_LINE_LIMIT && (
          <p className="mb-3 text-sm text-muted-foreground">
            The first {formatNumber(DETAIL_LINE_LIMIT)} of {formatNumber(invoice.lineCount)} lines; the CSV and the PDF
            carry them all.
          </p>
        )}
        <div className="space-y-6">
          {invoice.groups.map((group, index) => (
            <LineGroup key={`${group.pbxId}-${index}`} group={group} money={money} />
          ))}
        </div>
      </PageSection>

      {invoice.creditNotes.length > 0 && (
        <PageSection id="invoice-credit-notes" title="Credit notes">
          <ReportTable
            label="Credit notes of this invoice"
            columns={[
              { header: "Credit note" },
              { header: "Issued" },
              { header: "Reason" },
              { header: "Total", align: "right" },
              { header: "Download", hidden: true },
            ]}
          >
            {invoice.creditNotes.map((note) => (
              <tr key={note.id}>
                <td className={`${REPORT_CELL} font-medium whitespace-nowrap`}>{note.number}</td>
                <td className={`${REPORT_CELL} whitespace-nowrap`}>{formatDateIn(note.issuedAt, zone)}</td>
                <td className={`${REPORT_CELL} min-w-48`}>{note.reason}</td>
                <td className={`${REPORT_CELL} text-right tabular-nums whitespace-nowrap`}>{money(note.total)}</td>
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
        </PageSection>
      )}

      {invoice.payments.length > 0 && (
        <PageSection id="invoice-payments" title="Payments">
          <ReportTable
            label="Payments received"
            columns={[
              { header: "Paid on" },
              { header: "Reference" },
              { header: "Source" },
              { header: "Amount", align: "right" },
            ]}
          >
            {invoice.payments.map((payment) => (
              <tr key={payment.id}>
                <td className={`${REPORT_CELL} whitespace-nowrap`}>{formatDate(payment.paidOn)}</td>
                <td className={`${REPORT_CELL} break-all`}>{payment.reference}</td>
                <td className={REPORT_CELL}>{payment.source === "CSV_IMPORT" ? "Bank file" : "Entered"}</td>
                <td className={`${REPORT_CELL} text-right tabular-nums whitespace-nowrap`}>{money(payment.amount)}</td>
              </tr>
            ))}
          </ReportTable>
        </PageSection>
      )}
    </div>
  );
}

function LineGroup({ group, money }: { group: InvoiceDetail["groups"][number]; money: (amount: string) => string }) {
  const title = group.customerName ? `${group.pbxName} · ${group.customerName}` : group.pbxName;
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-base font-semibold">
        {group.pbxName}
        {group.customerName && <span className="font-normal text-muted-foreground"> · {group.customerName}</span>}
      </h3>
      <ReportTable
        label={`Lines of ${title}`}
        columns={[
          { header: "Line" },
          { header: "Quantity", align: "right" },
          { header: "Unit price", align: "right" },
          { header: "Amount", align: "right" },
        ]}
        className="[&_th:nth-child(2)]:max-sm:hidden [&_th:nth-child(3)]:max-sm:hidden"
      >
        {group.lines.map((line) => (
          <tr key={line.id} className="align-top">
            <td className={`${REPORT_CELL} min-w-52`}>
              {line.description}
              <span className="block text-xs text-muted-foreground">{line.formula}</span>
            </td>
            <td className={`${REPORT_CELL} text-right tabular-nums max-sm:hidden`}>{line.quantity}</td>
            <td className={`${REPORT_CELL} text-right tabular-nums max-sm:hidden`}>{line.unitPrice}</td>
            <td className={`${REPORT_CELL} text-right tabular-nums whitespace-nowrap`}>{money(line.amount)}</td>
          </tr>
        ))}
        <tr className="bg-neutral-50 font-medium">
          <th scope="row" className={`${REPORT_CELL} text-left`}>
            Subtotal
          </th>
          <td className="max-sm:hidden" />
          <td className="max-sm:hidden" />
          <td className={`${REPORT_CELL} text-right tabular-nums whitespace-nowrap`}>{money(group.subtotal)}</td>
        </tr>
      </ReportTable>
    </section>
  );
}
