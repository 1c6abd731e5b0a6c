import { Badge } from "@/components/ui/badge";
import type { ActivationRequestDetail } from "@/lib/activations/queries";
import { formatDate } from "@/lib/format";
import { formatBytes } from "@/lib/storage/validate-upload";

type Document = ActivationRequestDetail["request"]["documents"][number];

const STATUS = {
  PENDING: { variant: "info", label: "To review" },
  ACCEPTED: { variant: "success", label: "Accepted" },
  CHANGES_REQUESTED: { variant: "warning", label: "Changes requested" },
} as const;

/** The reviewer's view of each document: open it in the browser, download it, see its hash. */
export function ReviewDocuments({ documents }: { documents: Document[] }) {
  return (
    <ul className="divide-y divide-neutral-200 rounded-card border border-neutral-200 bg-surface">
      {documents.map((doc) => (
        <li key={doc.id} className="flex flex-wrap items-start justify-between gap-4 p-4">
          <div className="min-w-0 flex-1 space-y-1">
            <p className="flex flex-wrap items-center gap-2 font-medium text-foreground">
              {doc.name}
              {!doc.mandatory && <Badge variant="info">Optional</Badge>}
              <Badge variant={STATUS[doc.reviewStatus].variant}>{STATUS[doc.reviewStatus].label}</Badge>
            </p>
            {doc.file ? (
              <p className="text-sm text-muted-foreground">
                {doc.file.fileName} · {formatBytes(doc.file.sizeBytes)} · uploaded {formatDate(doc.uploadedAt)}
                <br />
                <span className="font-mono text-xs" title="SHA-256 of the stored file">
                  SHA-256 {doc.file.sha256.slice(0, 16)}…
                </span>
              </p>
            ) : (
              <p className="text-sm text-muted-foreground">No file{doc.mandatory ? "" : " (optional)"}.</p>
            )}
            {doc.replacedFile && (
              <p className="text-sm text-foreground">
                Replaces{" "}
                <a
                  className="font-medium text-brand-700 hover:underline"
                  href={`/api/files/${doc.replacedFile.id}?view=1`}
                  target="_blank"
                  rel="noopener"
                >
                  {doc.replacedFile.fileName}
                </a>
                , the file you asked to replace.
              </p>
            )}
            {doc.reviewComment && <p className="text-sm text-muted-foreground">Comment: {doc.reviewComment}</p>}
          </div>
          {doc.file && (
            <div className="flex gap-3 text-sm font-medium">
              <a
                className="text-brand-700 hover:underline"
                href={`/api/files/${doc.file.id}?view=1`}
                target="_blank"
                rel="noopener"
              >
                View<span className="sr-only"> {doc.name}</span>
              </a>
              <a className="text-brand-700 hover:underline" href={`/api/files/${doc.file.id}`}>
                Download<span className="sr-only"> {doc.name}</span>
              </a>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
