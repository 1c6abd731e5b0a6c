import type { Metadata } from "next";
import { z } from "zod";
import { TermRow, termOwner } from "@/components/dashboard/term-cards";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate, formatPageSummary } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { RENEWALS_DUE_DAYS, renewalsDuePage } from "@/lib/pbx/renewals-due";

const ZSearch = z.object({ page: searchPage });

export const metadata: Metadata = { title: "Renewals due" };

/** The full list behind the dashboards' "Renewals due" card: every service whose term ends soon, soonest first. */
export default async function RenewalsDuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pbx.view");
  const { page: asked } = parseSearchParams(ZSearch, await searchParams);
  const { rows, total, page, pageCount } = await renewalsDuePage(db(), actor, { page: asked });
  const showPartner = can(actor, "partners.view_all");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "PBXs", href: "/pbxs" }, { label: "Renewals due" }]}
        title={`Renewals due in ${RENEWALS_DUE_DAYS} days`}
        description="CLASSOUND ends with its PBX's term. Renew a PBX before the date to keep the service and its numbers."
      />
      <Card aria-label="Renewals due">
        {rows.length ? (
          <CardContent>
            <ul className="divide-y divide-border">
              {rows.map((r) => (
                <TermRow
                  key={r.pbxId}
                  pbxId={r.pbxId}
                  pbxName={r.pbxName}
                  owner={termOwner(r, showPartner)}
                  date={`Ends ${formatDate(r.endsAt)}`}
                  badge={r.cancelled ? <Badge>Cancelled</Badge> : undefined}
                />
              ))}
            </ul>
          </CardContent>
        ) : (
          <EmptyState
            title="No renewals due"
            description={`No CLASSOUND term ends in the next ${RENEWALS_DUE_DAYS} days.`}
          />
        )}
      </Card>
      {total > 0 && (
        <Pagination
          summary={formatPageSummary(total, "renewal", page, pageCount)}
          page={page}
          pageCount={pageCount}
          hrefOf={(p) => `/pbxs/renewals${p > 1 ? `?page=${p}` : ""}`}
        />
      )}
    </>
  );
}
