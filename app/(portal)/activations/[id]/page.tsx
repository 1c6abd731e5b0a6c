import type { Metadata } from "next";
import { ActivationForm } from "@/components/activations/activation-form";
import { DocumentSlots } from "@/components/activations/document-slots";
import { RequestAside } from "@/components/activations/request-aside";
import { QuoteCard } from "@/components/pbx/quote-card";
import { ActivationStatusBadge } from "@/components/activations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { activationCountries } from "@/lib/activations/countries";
import { activationRequestDetail } from "@/lib/activations/queries";
import { pickLegalEntity } from "@/lib/activations/schemas";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { pbxQuote } from "@/lib/pricing/pbx-quote";
import { z } from "zod";

const ZParams = z.object({ id: ZId });
import { formatDate } from "@/lib/format";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { formatBytes } from "@/lib/storage/validate-upload";

export const metadata: Metadata = { title: "Activation request" };

export default async function ActivationRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("activation.request");
  const { request, issues, eventActors } = await orNotFound(
    activationRequestDetail(db(), actor, parseRouteParams(ZParams, await params).id),
  );
  const decided = request.status === "APPROVED" || request.status === "REJECTED";
  const [countries, quote] = await Promise.all([
    activationCountries(db()),
    decided ? null : pbxQuote(db(), actor, { pbxId: request.pbxId }),
  ]);
  const mode = request.status === "DRAFT" ? "edit" : request.status === "CHANGES_REQUESTED" ? "resubmit" : "readonly";
  const changes = request.documents.filter((d) => d.reviewStatus === "CHANGES_REQUESTED");

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Activations", href: "/activations" }, { label: request.pbx.name }]}
        title={
          <span className="flex items-center gap-3">
            Activate CLASSOUND on {request.pbx.name} <ActivationStatusBadge status={request.status} />
          </span>
        }
        description={`${request.customer.name} · started ${formatDate(request.createdAt)}`}
      />
      {request.status === "REJECTED" && (
        <Alert variant="danger" title="Rejected" className="mb-6">
          {request.rejectionReason}
        </Alert>
      )}
      {request.status === "APPROVED" && request.pbx.service && (
        <Alert variant="success" title="CLASSOUND is active" className="mb-6">
          Active on this PBX until {formatDate(request.pbx.service.expiresAt)}, the end of the PBX&rsquo;s term.
        </Alert>
      )}
      {(request.status === "SUBMITTED" || request.status === "IN_REVIEW") && (
        <Alert variant="info" title={request.status === "IN_REVIEW" ? "In review" : "Submitted"} className="mb-6">
          The request is read-only while CLASSOUND reviews it. You will be notified of the decision.
        </Alert>
      )}
      {mode === "resubmit" && (
        <Alert variant="warning" title="Changes requested" className="mb-6">
          {changes.every((d) => d.replacedFile)
            ? "Every document the reviewer asked for has been replaced. You can still replace a file again; resubmit when you are done."
            : `Replace ${changes.length === 1 ? "this document" : `these ${changes.length} documents`}, then resubmit. Everything else stays as it is.`}
          <ul className="mt-1 list-disc pl-5">
            {changes.map((d) => (
              <li key={d.id}>
                <a href={`#document-${d.id}`} className="font-medium underline">
                  {d.name}
                </a>
                : {d.reviewComment}
                {d.replacedFile && <> (replaced: {d.file?.fileName})</>}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          {quote && <QuoteCard quote={quote} />}
          <Card>
            <CardHeader>
              <CardTitle>1. Documents for {request.country.name}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="mb-4 text-sm text-muted-foreground">
                {request.documents.some((d) => d.requiredDocument?.templateFileId)
                  ? "Where a template is offered, download it and fill it in. "
                  : ""}
                Upload each document as PDF, PNG or JPEG, up to {formatBytes(readRuntimeEnv().UPLOAD_MAX_BYTES)} per
                file. Each file is saved as soon as it is uploaded.
              </p>
              <DocumentSlots
                requestId={request.id}
                documents={request.documents}
                canUpload={(doc) =>
                  mode === "edit" || (mode === "resubmit" && doc.reviewStatus === "CHANGES_REQUESTED")
                }
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>2. Legal entity</CardTitle>
            </CardHeader>
            <CardContent>
              <ActivationForm
                requestId={request.id}
                version={request.version}
                mode={mode}
                issues={issues}
                countries={
                  countries.some((c) => c.code === request.countryCode)
                    ? countries
                    : [...countries, { code: request.countryCode, name: request.country.name }]
                }
                values={{ countryCode: request.countryCode, ...pickLegalEntity(request) }}
              />
            </CardContent>
          </Card>
        </div>
        <RequestAside request={request} eventActors={eventActors} />
      </div>
    </>
  );
}
