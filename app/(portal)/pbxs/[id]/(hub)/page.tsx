import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ACTIVATION_STATUS } from "@/components/activations/status-badge";
import { PbxActivationStatus } from "@/components/pbx/pbx-activation-status";
import { PbxOverviewSummaryTiles } from "@/components/pbx/pbx-overview-summary";
import { ServiceTermStatus } from "@/components/pbx/service-term-status";
import { QuoteBreakdown } from "@/components/pbx/quote-breakdown";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney, formatNumber, LICENSE_PLAN_LABEL, LICENSE_TYPE_LABEL } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { pbxOverviewSummary } from "@/lib/pbx/overview-summary";
import { pbxDetail } from "@/lib/pbx/pbx-detail";
import { serviceTerm } from "@/lib/pbx/term-ends";

const ZParams = z.object({ id: ZId });

export const metadata: Metadata = { title: "PBX" };

/**
 * The PBX hub's overview: figures at a glance (numbers, this month's calls, open tickets, each linking
 * to its tab), the PBX, its licenses, CLASSOUND (status, term end and cancellation, or quote) and its history.
 */
export default async function PbxOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("pbx.view");
  const pbxId = parseRouteParams(ZParams, await params).id;
  const [pbx, summary, term] = await Promise.all([
    orNotFound(pbxDetail(db(), actor, { pbxId })),
    orNotFound(pbxOverviewSummary(db(), actor, { pbxId })),
    orNotFound(serviceTerm(db(), actor, { pbxId })),
  ]);
  const facts: [string, React.ReactNode][] = [
    ["Customer", pbx.customer.name],
    ...(can(actor, "partners.view_all") ? [["Partner", pbx.customer.partnerName] as [string, React.ReactNode]] : []),
    [
      "Serial",
      <span key="serial" className="font-mono">
        {pbx.serial}
      </span>,
    ],
    [
      "Software version",
      <span key="version" className="font-mono">
        {pbx.softwareVersion}
      </span>,
    ],
    ["License plan", LICENSE_PLAN_LABEL[pbx.licensePlan]],
    [
      "Term",
      pbx.termExpiry
        ? `${formatDate(pbx.termStart)} – ${formatDate(pbx.termExpiry)}`
        : `Since ${formatDate(pbx.termStart)}, no expiry`,
    ],
  ];

  const termStatus = term && (
    <ServiceTermStatus pbxId={pbx.id} term={term} canManage={canChange(actor, "pbx.manage")} />
  );

  return (
    <>
      <PbxOverviewSummaryTiles pbxId={pbx.id} summary={summary} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card aria-labelledby="pbx-facts">
          <CardHeader>
            <CardTitle id="pbx-facts">PBX</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList facts={facts} />
            <h3 className="mt-4 mb-1 text-sm font-semibold text-foreground">User licenses</h3>
            {pbx.licenses.length ? (
              <dl className="divide-y divide-border text-sm">
                {pbx.licenses.map((l) => (
                  <div key={l.type} className="flex justify-between gap-4 py-1.5">
                    <dt className="text-muted-foreground">{LICENSE_TYPE_LABEL[l.type]}</dt>
                    <dd className="tabular-nums">{formatNumber(l.quantity)}</dd>
                  </div>
                ))}
                <div className="flex justify-between gap-4 py-1.5 font-medium">
                  <dt>Total users</dt>
                  <dd className="tabular-nums">{formatNumber(pbx.userCount)}</dd>
                </div>
              </dl>
            ) : (
              <p className="text-sm text-muted-foreground">No user licenses.</p>
            )}
          </CardContent>
        </Card>

        <Card aria-labelledby="pbx-classound">
          <CardHeader>
            <CardTitle id="pbx-classound">CLASSOUND</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {/* An ended service's story comes before activating again; a running one's end after its start. */}
            {term?.state === "ENDED" && termStatus}
            <PbxActivationStatus pbx={pbx} />
            {term?.state === "RUNNING" && termStatus}
            {pbx.quote?.quote && (
              <section aria-labelledby="pbx-quote">
                <h3 id="pbx-quote" className="mb-1 text-sm font-semibold text-foreground">
                  If activated today
                </h3>
                <QuoteBreakdown quote={pbx.quote.quote} />
              </section>
            )}
            {pbx.quote?.unavailable && pbx.reasons.length === 0 && (
              <Alert variant="warning">{pbx.quote.unavailable}</Alert>
            )}
          </CardContent>
        </Card>
      </div>

      {(pbx.charges.length > 0 || pbx.requests.length > 0) && (
        <Card aria-labelledby="pbx-history" className="mt-6">
          <CardHeader>
            <CardTitle id="pbx-history">History</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="divide-y divide-border text-sm">
              {pbx.charges.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <span>
                    <span className="font-medium">Charge</span> {formatDate(c.createdAt)} · {formatDate(c.periodStart)}{" "}
                    – {formatDate(c.periodEnd)}
                    <span className="block text-xs break-words text-muted-foreground">{c.description}</span>
                  </span>
                  <span className="font-semibold tabular-nums" data-testid="charge-amount">
                    {formatMoney(c.amount, c.currency)}
                  </span>
                </li>
              ))}
              {pbx.requests.map((r) => (
                <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <span>
                    <span className="font-medium">Activation request</span> started {formatDate(r.createdAt)}
                    {r.submittedAt && <>, submitted {formatDate(r.submittedAt)}</>}
                    {r.decidedAt && <>, decided {formatDate(r.decidedAt)}</>}
                    {r.rejectionReason && (
                      <span className="block text-xs text-muted-foreground">{r.rejectionReason}</span>
                    )}
                  </span>
                  <span className="flex items-center gap-3">
                    <Badge variant={ACTIVATION_STATUS[r.status].variant}>{ACTIVATION_STATUS[r.status].label}</Badge>
                    <Link
                      href={can(actor, "activation.review") ? `/admin/activations/${r.id}` : `/activations/${r.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      View<span className="sr-only"> request started {formatDate(r.createdAt)}</span>
                    </Link>
                  </span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      )}
    </>
  );
}
