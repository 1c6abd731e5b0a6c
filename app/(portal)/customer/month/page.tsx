import type { Metadata } from "next";
import { z } from "zod";
import { CustomerMonthTable } from "@/components/billing/resale/customer-month-table";
import { MonthPicker, monthLabel } from "@/components/billing/resale/month-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { customerMonth } from "@/lib/billing/resale/month";
import { ZMonth } from "@/lib/billing/resale/schemas";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Charges this month" };

const ZSearch = z.object({ month: ZMonth.optional().catch(undefined) });

/** The end user's own month at its partner's prices (issue 33): never a purchase price or a margin. */
export default async function CustomerMonthPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("customer.area");
  const { month } = parseSearchParams(ZSearch, await searchParams);
  const view = await customerMonth(db(), actor, { month });
  const label = monthLabel(view.month);
  return (
    <>
      <PageHeader
        title="Charges this month"
        description={`What ${view.customerName} is charged for CLASSOUND in a month: activations and renewals, numbers, and calls and SMS beyond what is included. The current month grows until it ends.`}
      />
      <MonthPicker base="/customer/month" month={view.month} />
      {view.currency && view.total ? (
        <CustomerMonthTable
          month={{ ...view, currency: view.currency, total: view.total }}
          label={`Charges of ${label}`}
        />
      ) : (
        <EmptyState
          title={`Nothing charged in ${label}`}
          description="No charge and no usage beyond what is included."
        />
      )}
    </>
  );
}
