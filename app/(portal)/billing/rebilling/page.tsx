import type { Metadata } from "next";
import { z } from "zod";
import { MonthPicker, monthLabel } from "@/components/billing/resale/month-picker";
import { RebillingCustomers, ResalePricesLink, TotalsList } from "@/components/billing/resale/rebilling-customers";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { rebillingMonth } from "@/lib/billing/resale/month";
import { ZMonth } from "@/lib/billing/resale/schemas";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatCount, formatPageSummary } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { pageOf } from "@/lib/paging";

export const metadata: Metadata = { title: "Re-billing" };

const ZSearch = z.object({ month: ZMonth.optional().catch(undefined), page: searchPage });
const CUSTOMERS_PER_PAGE = 20;

export default async function RebillingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("resale.manage");
  const search = parseSearchParams(ZSearch, await searchParams);
  const view = await rebillingMonth(db(), actor, { month: search.month });
  const paging = pageOf(view.customers.length, CUSTOMERS_PER_PAGE, search.page);
  const shown = view.customers.slice(paging.skip, paging.skip + paging.take);
  return (
    <>
      <PageHeader
        title="Re-billing"
        description="Your month per customer: what you pay, what you bill at your resale prices, and your margin. The month so far until it ends."
        actions={<ResalePricesLink />}
      />
      <MonthPicker base="/billing/rebilling" month={view.month} />
      {view.unrated > 0 && (
        <Alert variant="warning" title="Not every record is rated yet" className="mb-4">
          {formatCount(view.unrated, "call or SMS", "calls or SMS")} of {monthLabel(view.month)} are not rated yet and
          are in no figure here.
        </Alert>
      )}
      {view.totals && view.currency ? (
        <>
          <section aria-labelledby="month-totals" className="mb-6">
            <h2 id="month-totals" className="mb-2 text-base font-semibold">
              {monthLabel(view.month)}, all customers
            </h2>
            <TotalsList totals={view.totals} currency={view.currency} />
          </section>
          <RebillingCustomers customers={shown} month={view.month} />
          <Pagination
            summary={formatPageSummary(view.customers.length, "customer", paging.page, paging.pageCount)}
            page={paging.page}
            pageCount={paging.pageCount}
            hrefOf={(page) => `/billing/rebilling?month=${view.month}&page=${page}`}
          />
        </>
      ) : (
        <EmptyState
          title={`Nothing charged in ${monthLabel(view.month)}`}
          description="No activation, renewal, number order or usage of your customers is charged in this month yet."
        />
      )}
    </>
  );
}
