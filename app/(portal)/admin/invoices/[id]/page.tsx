import type { Metadata } from "next";
import { z } from "zod";
import { InvoiceActions } from "@/components/billing/invoices/invoice-actions";
import { InvoiceDownloads, InvoiceView } from "@/components/billing/invoices/invoice-view";
import { InvoiceStatusBadge, monthLabel } from "@/components/billing/invoices/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { invoiceDetail } from "@/lib/billing/queries";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Invoice" };

export default async function AdminInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("invoices.manage");
  const { id } = parseRouteParams(z.object({ id: ZId }), await params);
  const invoice = await orNotFound(invoiceDetail(db(), actor, id));
  const title = invoice.number
    ? `Invoice ${invoice.number}`
    : `Draft: ${invoice.partner.name}, ${monthLabel(invoice.month)}`;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Invoices", href: "/admin/invoices" }, { label: invoice.number ?? "Draft" }]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {title} <InvoiceStatusBadge status={invoice.status} />
          </span>
        }
        description={invoice.number ? `${invoice.partner.name} · ${monthLabel(invoice.month)}` : undefined}
        actions={
          <>
            <InvoiceDownloads invoice={invoice} />
            {canChange(actor, "invoices.manage") && (
              <InvoiceActions invoice={invoice} today={new Date().toISOString().slice(0, 10)} />
            )}
          </>
        }
      />
      {invoice.status === "DRAFT" && (
        <Alert variant="info" className="mb-6" title="A draft">
          Review its lines, then issue it: issuing numbers it, freezes it and e-mails it to the partner. Anything
          recorded later for this month needs a re-run first.
        </Alert>
      )}
      <InvoiceView invoice={invoice} />
    </>
  );
}
