import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { describeAuditDetail } from "@/lib/audit/labels";
import { AUDIT_TARGET_LABEL } from "@/lib/audit/names";
import { auditActionChoices, auditActionLabel } from "@/lib/audit/sentences";
import { AUDIT_EXPORT_LIMIT, auditTargetTypes, listAuditEntries, ZAuditFilters } from "@/lib/audit/list-audit";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatCount, formatDateTime, formatNumber } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";

const ZSearch = ZAuditFilters.extend({ page: searchPage });

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("audit.view");
  const { page, ...filters } = parseSearchParams(ZSearch, await searchParams);
  const [{ entries, total, pageCount }, targets] = await Promise.all([
    listAuditEntries(db(), actor, { page, filters }),
    auditTargetTypes(db(), actor),
  ]);
  const query = (next: Record<string, string>) =>
    `?${new URLSearchParams(Object.entries({ ...filters, ...next }).filter(([, v]) => v) as [string, string][])}`;
  const actions = auditActionChoices();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, failed sign-in, refused access and change, newest first. Times are UTC."
        actions={
          <Button asChild variant="secondary">
            <a href={`/api/admin/audit/export${query({})}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <AuditFilters
        filters={filters}
        actions={actions}
        targets={targets.map((t): [string, string] => [t, AUDIT_TARGET_LABEL[t] ?? t])}
      />
      {/* A wide table scrolls sideways: the region takes focus so keyboard users can scroll it too. */}
      <div
        role="region"
        aria-label="Audit log entries"
        tabIndex={0}
        className="overflow-x-auto rounded-card border border-neutral-200 bg-surface"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                When
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                What happened
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Detail
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                IP
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {entries.map((entry) => (
              <tr key={entry.id.toString()} className="align-top">
                <td className="whitespace-nowrap px-4 py-2.5 text-muted-foreground">
                  {formatDateTime(entry.createdAt)}
                </td>
                <td className="min-w-64 px-4 py-2.5">
                  {entry.sentence}
                  <span className="block text-xs text-muted-foreground">
                    {auditActionLabel(entry.action)}
                    {entry.actor && ` · ${entry.actor.email}`}
                  </span>
                </td>
                <td className="min-w-48 max-w-md px-4 py-2.5 text-xs break-words text-muted-foreground">
                  {describeAuditDetail(entry.detail)}
                </td>
                <td className="px-4 py-2.5 text-muted-foreground">{entry.ip ?? ""}</td>
              </tr>
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-10 text-center text-muted-foreground">
                  No entries match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        summary={
          <>
            {formatCount(total, "entry", "entries")} · page {page} of {pageCount}
            {total > AUDIT_EXPORT_LIMIT && ` · the CSV holds the newest ${formatNumber(AUDIT_EXPORT_LIMIT)}`}
          </>
        }
        page={page}
        pageCount={pageCount}
        hrefOf={(p) => query({ page: String(p) })}
        labels={["Newer", "Older"]}
      />
    </>
  );
}
