import type { Metadata } from "next";
import { LegalEntityCard } from "@/components/activations/legal-entity-card";
import { RequestAside } from "@/components/activations/request-aside";
import { ReviewActions } from "@/components/activations/review-actions";
import { ReviewDocuments } from "@/components/activations/review-documents";
import { ActivationStatusBadge } from "@/components/activations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { activationRequestDetail } from "@/lib/activations/queries";
import { canTransition } from "@/lib/activations/transitions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { pbxQuote } from "@/lib/pricing/pbx-quote";
import { z } from "zod";

const ZParams = z.object({ id: ZId });
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Review activation" };

export default async function ReviewActivationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("activation.review");
  const detail = await orNotFound(activationRequestDetail(db(), actor, parseRouteParams(ZParams, await params).id));
  const { request, eventActors } = detail;
  const decidable = canTransition(request.status, "approve");
  const quote = decidable ? await pbxQuote(db(), actor, { pbxId: request.pbxId }) : null;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Activation queue", href: "/admin/activations" }, { label: request.pbx.name }]}
        title={
          <span className="flex items-center gap-3">
            {request.partner.name}: {request.pbx.name} <ActivationStatusBadge status={request.status} />
          </span>
        }
        description={`${request.customer.name} · ${request.country.name} · submitted ${formatDate(request.submittedAt)}`}
        actions={
          decidable ? (
            <ReviewActions
              quote={quote}
              requestId={request.id}
              version={request.version}
              status={request.status}
              documents={request.documents.map((d) => ({ id: d.id, name: d.name }))}
            />
          ) : undefined
        }
      />
      {request.status === "REJECTED" && (
        <Alert variant="danger" title="Rejected" className="mb-6">
          {request.rejectionReason}
        </Alert>
      )}
      {request.status === "CHANGES_REQUESTED" && (
        <Alert variant="warning" title="Waiting for the partner" className="mb-6">
          The partner is replacing the documents you named.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <LegalEntityCard entity={request} />
          <Card>
            <CardHeader>
              <CardTitle>Documents</CardTitle>
            </CardHeader>
            <CardContent>
              <ReviewDocuments documents={request.documents} />
            </CardContent>
          </Card>
        </div>
        <RequestAside request={request} eventActors={eventActors} />
      </div>
    </>
  );
}
