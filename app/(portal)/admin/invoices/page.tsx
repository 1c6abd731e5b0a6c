import type { Metadata } from "next";
import { InvoiceFilters, InvoicesList } from "@/components/billing/invoices/invoices-list";
import { PaymentsImport } from "@/components/billing/invoices/payments-import";
import { RunMonthForm } from "@/components/billing/invoices/run-month-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PAYMENT_CSV_COLUMNS, PAYMENT_IMPORT_MAX_ROWS } from "@/lib/billing/payments";
import { listInvoices, ZInvoiceSearch } from "@/lib/billing/queries";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Invoices" };

/** The month before `now`'s, in UTC: the month an admin most often runs. */
function previousMonth(now: Date) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("invoices.manage");
  const { page, ...search } = parseSearchParams(ZInvoiceSearch, await searchParams);
  const listing = await listInvoices(db(), actor, { ...search, page });
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Every partner's monthly invoices: drafts to review and issue, issued ones to follow until paid."
      />
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Run a month</CardTitle>
              <CardDescription>
                Builds the DRAFT invoice of a partner&apos;s month from its charges and rated usage. Running again
                rebuilds a draft; issued invoices never change.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <RunMonthForm defaultMonth={previousMonth(new Date())} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Import payments</CardTitle>
              <CardDescription>
                The bank&apos;s file of payments received: each row is matched to its invoice by number; a file imported
                twice adds nothing.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <PaymentsImport columns={PAYMENT_CSV_COLUMNS} maxRows={PAYMENT_IMPORT_MAX_ROWS} />
          </CardContent>
        </Card>
      </div>
      <h2 className="mb-3 text-lg font-semibold">All invoices</h2>
      <InvoiceFilters base="/admin/invoices" search={search} isAdmin />
      <InvoicesList
        base="/admin/invoices"
        detailBase="/admin/invoices"
        listing={listing}
        search={search}
        isAdmin
        empty={{
          title: "No invoices yet",
          description: "Run a month above: its drafts appear here as they are built.",
        }}
      />
    </>
  );
}
