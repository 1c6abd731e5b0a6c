import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { RequiredDocumentRow } from "@/lib/catalogue/queries";
import { formatDate, formatOrdinal } from "@/lib/format";
import { formatBytes } from "@/lib/storage/validate-upload";
import { ArchiveDocumentButton } from "./archive-document-button";
import { EditDocumentDialog } from "./edit-document-dialog";
import { TemplateUpload } from "./template-upload";

export function RequiredDocumentList({ documents }: { documents: RequiredDocumentRow[] }) {
  if (!documents.length) {
    return (
      <EmptyState
        title="No documents required"
        description="Partners can submit requests for this country without any documents. Add one below."
      />
    );
  }
  return (
    <ol className="divide-y divide-neutral-200">
      {documents.map((doc, index) => (
        <li key={doc.id} className="flex flex-wrap items-start justify-between gap-4 px-5 py-4">
          <div className="min-w-0 flex-1 space-y-1">
            <p className="flex flex-wrap items-center gap-2 font-medium text-foreground">
              <span className="text-xs text-muted-foreground">
                {formatOrdinal(index + 1)}
                <span className="sr-only"> document</span>
              </span>
              {doc.name}
              {doc.mandatory ? <Badge variant="neutral">Mandatory</Badge> : <Badge variant="info">Optional</Badge>}
              {doc.validityMonths && (
                <Badge variant="neutral">
                  Valid {doc.validityMonths} {doc.validityMonths === 1 ? "month" : "months"}
                </Badge>
              )}
            </p>
            {doc.description && <p className="text-sm text-muted-foreground">{doc.description}</p>}
            {doc.templateFile ? (
              <p className="text-sm">
                Template:{" "}
                <a className="font-medium text-brand-700 hover:underline" href={`/api/files/${doc.templateFile.id}`}>
                  {doc.templateFile.fileName}
                </a>{" "}
                <span className="text-muted-foreground">
                  · {formatBytes(doc.templateFile.sizeBytes)} · {formatDate(doc.templateFile.createdAt)}
                </span>
              </p>
            ) : (
              <p className="text-sm text-warning-800">
                No template yet: partners have nothing to download for this document.
              </p>
            )}
          </div>
          <div className="flex max-w-md flex-wrap items-start justify-end gap-2">
            <TemplateUpload documentId={doc.id} documentName={doc.name} hasTemplate={!!doc.templateFile} />
            <EditDocumentDialog document={doc} />
            <ArchiveDocumentButton documentId={doc.id} name={doc.name} />
          </div>
        </li>
      ))}
    </ol>
  );
}
