import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ClearCustomerRuleButton, ResaleRuleForm } from "@/components/billing/resale/resale-rule-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { ruleText } from "@/lib/billing/resale/csv";
import { resalePricingOverview } from "@/lib/billing/resale/settings";
import { db } from "@/lib/db/client";
import { formatDate, formatPageSummary } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Resale prices" };

const ZSearch = z.object({ page: searchPage });

export default async function ResalePricesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("resale.manage");
  const { page } = parseSearchParams(ZSearch, await searchParams);
  const overview = await resalePricingOverview(db(), actor, { page });
  const editable = canChange(actor, "resale.manage");
  const forAll = overview.forAll;
  const { rows, total } = overview.customers;
  return (
    <>
      <PageHeader
        title="Resale prices"
        description="What you bill your customers, and what their users see as prices: the End User list unless you set a markup, for all customers or per customer. A customer's own rule comes first."
        actions={
          <Link href="/billing/rebilling" className="text-sm font-medium text-brand-700 hover:underline">
            See the month per customer
          </Link>
        }
      />
      {!editable && (
        <Alert variant="warning" className="mb-4">
          Your partner agreement is suspended: resale prices are read-only.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="resale-all">
          <CardHeader>
            <div>
              <CardTitle id="resale-all">All customers</CardTitle>
              <CardDescription>
                Now: {forAll ? ruleText({ ...forAll, source: "partner" }) : "End User list price (default)"}
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            {editable ? (
              <ResaleRuleForm
                forAll={{ current: forAll && { basis: forAll.basis, markupPercent: forAll.markupPercent } }}
              />
            ) : null}
          </CardContent>
        </Card>
        {editable && (
          <Card aria-labelledby="resale-one">
            <CardHeader>
              <div>
                <CardTitle id="resale-one">One customer</CardTitle>
                <CardDescription>Its own rule replaces your rule for all customers.</CardDescription>
              </div>
            </CardHeader>
            <CardContent>
              <ResaleRuleForm />
            </CardContent>
          </Card>
        )}
      </div>
      <section aria-labelledby="own-rules" className="mt-8">
        <h2 id="own-rules" className="mb-3 text-base font-semibold">
          Customers with their own rule
        </h2>
        {total === 0 ? (
          <EmptyState
            title="No customer has its own rule"
            description="Every customer is billed at your rule for all customers."
          />
        ) : (
          <>
            <TableScrollRegion label="Customers with their own rule">
              <table className="w-full min-w-[36rem] text-sm">
                <thead className="bg-neutral-50 text-left text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Customer
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Rule
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Changed
                    </th>
                    {editable && (
                      <th scope="col" className="px-3 py-2">
                        <span className="sr-only">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.customerId} className="border-t border-neutral-200">
                      <td className="px-3 py-2 break-words">{r.customerName}</td>
                      <td className="px-3 py-2">{ruleText({ ...r, source: "customer" })}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDate(r.updatedAt)}</td>
                      {editable && (
                        <td className="px-3 py-2 text-right">
                          <ClearCustomerRuleButton customerId={r.customerId!} customerName={r.customerName ?? ""} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScrollRegion>
            <Pagination
              summary={formatPageSummary(total, "customer", overview.customers.page, overview.customers.pageCount)}
              page={overview.customers.page}
              pageCount={overview.customers.pageCount}
              hrefOf={(p) => `/billing/resale-prices?page=${p}`}
            />
          </>
        )}
      </section>
    </>
  );
}
