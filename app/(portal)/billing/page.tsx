import type { Metadata } from "next";
import Link from "next/link";
import { CreditNotesList } from "@/components/billing/invoices/credit-notes-list";
import { InvoiceFilters, InvoicesList } from "@/components/billing/invoices/invoices-list";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/report-table";
import { requirePermission } from "@/lib/auth/session";
import { listCreditNotes, listInvoices, ZInvoiceSearch } from "@/lib/billing/queries";
import { db } from "@/lib/db/client";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Billing" };

const ZSearch = ZInvoiceSearch.extend({ notes: searchPage });

const LINKS = [
  {
    href: "/billing/rebilling",
    title: "Re-billing",
    description: "Each customer's month at your resale prices, beside what you pay and your margin.",
  },
  {
    href: "/billing/resale-prices",
    title: "Resale prices",
    description: "What your customers pay: the End User list, or your markup, for all or per customer.",
  },
];

/** The partner's billing: its invoices (issued ones: drafts stay the operator's), credit notes, and its re-billing. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("resale.manage");
  const { page, notes, ...search } = parseSearchParams(ZSearch, await searchParams);
  const [listing, creditNotes] = await Promise.all([
    listInvoices(db(), actor, { ...search, page }),
    listCreditNotes(db(), actor, { page: notes }),
  ]);
  const query = (next: Record<string, string>) =>
    `/billing?${new URLSearchParams(
      Object.entries({ ...search, page: String(page), ...next }).filter((e): e is [string, string] => Boolean(e[1])),
    )}`;
  return (
    <>
      <PageHeader
        title="Billing"
        description="Your monthly CLASSOUND invoices and credit notes, and what you bill your customers."
      />
      <nav aria-label="Re-billing" className="mb-8 grid gap-4 sm:grid-cols-2">
        {LINKS.map((link) => (
          <Card key={link.href} className="transition-colors hover:border-brand-300">
            <CardHeader className="border-b-0">
              <div>
                <CardTitle>
                  <Link href={link.href} className="text-brand-700 hover:underline">
                    {link.title}
                  </Link>
                </CardTitle>
                <CardDescription>{link.description}</CardDescription>
              </div>
            </CardHeader>
          </Card>
        ))}
      </nav>
      <PageSection id="billing-invoices" title="Your invoices" className="mb-8">
        <InvoiceFilters base="/billing" search={search} isAdmin={false} />
        <InvoicesList
          base="/billing"
          detailBase="/billing/invoices"
          listing={listing}
          search={search}
          isAdmin={false}
          empty={{
            title: "No invoices yet",
            description:
              "Each month's invoice appears here once it is issued, and is e-mailed to your billing address.",
          }}
        />
      </PageSection>
      <PageSection id="billing-credit-notes" title="Your credit notes">
        <CreditNotesList
          listing={creditNotes}
          invoiceBase="/billing/invoices"
          hrefOf={(p) => query({ notes: String(p) })}
        />
      </PageSection>
    </>
  );
}
