import type { Metadata } from "next";
import { z } from "zod";
import { InvoiceDownloads, InvoiceView } from "@/components/billing/invoices/invoice-view";
import { InvoiceStatusBadge, monthLabel } from "@/components/billing/invoices/labels";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { invoiceDetail } from "@/lib/billing/queries";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Invoice" };

/** A partner's own issued invoice, read-only; another partner's, or a draft, is the 404 of a missing one. */
export default async function PartnerInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("resale.manage");
  const { id } = parseRouteParams(z.object({ id: ZId }), await params);
  const invoice = await orNotFound(invoiceDetail(db(), actor, id));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Billing", href: "/billing" }, { label: `Invoice ${invoice.number}` }]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            Invoice {invoice.number} <InvoiceStatusBadge status={invoice.status} />
          </span>
        }
        description={`${monthLabel(invoice.month)} · CLASSOUND services and usage`}
        actions={<InvoiceDownloads invoice={invoice} />}
      />
      <InvoiceView invoice={invoice} />
    </>
  );
}
