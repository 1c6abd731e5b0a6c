import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { PbxLicenseEventKind } from "@/lib/db/generated/enums";
import { formatDate, formatDateTime, formatMoney, formatPageSummary } from "@/lib/format";
import type { PbxLicence } from "@/lib/pbx/licence-history";

const KIND_VARIANT: Partial<Record<PbxLicenseEventKind, BadgeVariant>> = {
  REGISTERED: "info",
  RENEWED: "success",
  SERVICE_ENDED: "warning",
  SERVICE_CANCELLATION_REQUESTED: "warning",
};

/** The PBX's licence events, newest first, a page at a time (each page has its URL). */
export function LicenceHistory({ pbxId, history }: { pbxId: string; history: PbxLicence["history"] }) {
  if (history.total === 0)
    return <EmptyState title="No licence events yet" description="Registrations, renewals and changes show here." />;
  return (
    <>
      <ol className="divide-y divide-border">
        {history.events.map((event) => (
          <li key={event.id} className="space-y-1 py-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Badge variant={KIND_VARIANT[event.kind] ?? "neutral"}>{event.label}</Badge>
              <span className="text-muted-foreground">In force {formatDate(event.effectiveAt)}</span>
            </div>
            {event.lines.map((line) => (
              <p key={line} className="break-words text-foreground">
                {line}
              </p>
            ))}
            {event.charge && (
              <p className="break-words">
                <span className="font-medium">Charged {formatMoney(event.charge.amount, event.charge.currency)}</span>
                <span className="block text-xs text-muted-foreground">{event.charge.description}</span>
              </p>
            )}
            <p className="text-xs text-muted-foreground">
              Recorded {formatDateTime(event.recordedAt)} by {event.actorName}
            </p>
          </li>
        ))}
      </ol>
      {history.pageCount > 1 && (
        <Pagination
          summary={formatPageSummary(history.total, "event", history.page, history.pageCount)}
          page={history.page}
          pageCount={history.pageCount}
          hrefOf={(page) => `/pbxs/${pbxId}/licence?page=${page}`}
          labels={["Newer", "Older"]}
        />
      )}
    </>
  );
}
