import { Badge } from "@/components/ui/badge";
import { documentExpiry } from "@/lib/activations/compliance-profile";
import type { ActivationRequestDetail } from "@/lib/activations/queries";
import { formatBytes } from "@/lib/storage/validate-upload";
import { formatDate } from "@/lib/format";
import { DocumentUpload } from "./document-upload";

type Document = ActivationRequestDetail["request"]["documents"][number];

const REVIEW_BADGE = {
  PENDING: null,
  ACCEPTED: { variant: "success", label: "Accepted" },
  CHANGES_REQUESTED: { variant: "warning", label: "Replace this document" },
} as const;

export function DocumentSlots({
  requestId,
  documents,
  canUpload,
  now = new Date(),
}: {
  requestId: string;
  documents: Document[];
  canUpload: (doc: Document) => boolean;
  now?: Date;
}) {
  if (!documents.length) return <p className="text-sm text-muted-foreground">This country requires no documents.</p>;
  return (
    <ul className="divide-y divide-neutral-200 rounded-card border border-neutral-200 bg-surface">
      {documents.map((doc) => {
        const badge = REVIEW_BADGE[doc.reviewStatus];
        const expiry = documentExpiry(doc.expiresAt, now);
        return (
          <li key={doc.id} id={`document-${doc.id}`} className="flex flex-wrap items-start justify-between gap-4 p-4">
            <div className="min-w-0 flex-1 space-y-1">
              <p className="flex flex-wrap items-center gap-2 font-medium text-foreground">
                {doc.name}
                {doc.mandatory ? <Badge variant="neutral">Required</Badge> : <Badge variant="info">Optional</Badge>}
                {badge && <Badge variant={badge.variant}>{badge.label}</Badge>}
              </p>
              {doc.description && <p className="text-sm text-muted-foreground">{doc.description}</p>}
              {doc.requiredDocument?.templateFileId && (
                <a
                  className="text-sm font-medium text-brand-700 hover:underline"
                  href={`/api/activations/${requestId}/documents/${doc.id}/template`}
                >
                  Download the template, filled in
                </a>
              )}
              {doc.file ? (
                <p className="text-sm">
                  <a className="font-medium text-brand-700 hover:underline" href={`/api/files/${doc.file.id}`}>
                    {doc.file.fileName}
                  </a>{" "}
                  <span className="text-muted-foreground">
                    · {formatBytes(doc.file.sizeBytes)}
                    {doc.uploadedAt && ` · ${formatDate(doc.uploadedAt)}`}
                  </span>
                </p>
              ) : (
                <p className="text-sm text-muted-foreground">No file yet.</p>
              )}
              {doc.replacedFile && (
                <p className="text-sm text-muted-foreground">
                  Replaces {doc.replacedFile.fileName}
                  {doc.reviewStatus === "CHANGES_REQUESTED" && ". You can replace it again until you resubmit"}.
                </p>
              )}
              {doc.reviewComment && (
                <p
                  className={`text-sm ${doc.reviewStatus === "CHANGES_REQUESTED" ? "font-medium text-warning-800" : "text-muted-foreground"}`}
                >
                  {doc.reviewStatus === "CHANGES_REQUESTED" ? "Reviewer: " : ""}
                  {doc.reviewComment}
                </p>
              )}
              {expiry !== "VALID" && doc.expiresAt && (
                // Only an expired copy blocks submitting (the pre-check says so too); one about to expire is a heads-up.
                <p className="text-sm font-medium text-warning-800">
                  {expiry === "EXPIRED"
                    ? `Expired on ${formatDate(doc.expiresAt)}: upload a current copy.`
                    : `Valid until ${formatDate(doc.expiresAt)}. You may upload a newer copy now.`}
                </p>
              )}
            </div>
            {canUpload(doc) && (
              <DocumentUpload requestId={requestId} documentId={doc.id} documentName={doc.name} hasFile={!!doc.file} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
