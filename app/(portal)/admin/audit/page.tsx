import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { z } from "zod";

const ZSearch = z.object({ page: searchPage });

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("audit.view");
  const { page } = parseSearchParams(ZSearch, await searchParams);
  const { entries, total, pageCount } = await listAuditEntries(db(), actor, page);
  return (
    <>
      <PageHeader title="Audit log" description="Every sign-in, failed sign-in, refused access and change, newest first." />
      {/* A wide table scrolls sideways: the region takes focus so keyboard users can scroll it too. */}
      <div role="region" aria-label="Audit log entries" tabIndex={0} className="overflow-x-auto rounded-card border border-neutral-200 bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">When</th>
              <th scope="col" className="px-4 py-3 font-medium">Who</th>
              <th scope="col" className="px-4 py-3 font-medium">Action</th>
              <th scope="col" className="px-4 py-3 font-medium">Detail</th>
              <th scope="col" className="px-4 py-3 font-medium">IP</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {entries.map((entry) => (
              <tr key={entry.id.toString()}>
                <td className="whitespace-nowrap px-4 py-2.5 text-muted-foreground">{formatDateTime(entry.createdAt)}</td>
                <td className="px-4 py-2.5">{entry.actor ? entry.actor.email : "—"}</td>
                <td className="px-4 py-2.5 font-mono text-xs">{entry.action}</td>
                <td className="max-w-md truncate px-4 py-2.5 font-mono text-xs text-muted-foreground">{entry.detail ? JSON.stringify(entry.detail) : ""}</td>
                <td className="px-4 py-2.5 text-muted-foreground">{entry.ip ?? ""}</td>
              </tr>
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-10 text-center text-muted-foreground">No entries yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
        <span>{formatNumber(total)} entries · page {page} of {pageCount}</span>
        <span className="flex gap-4">
          {page > 1 && <Link className="font-medium text-brand-700 hover:underline" href={`?page=${page - 1}`}>Newer</Link>}
          {page < pageCount && <Link className="font-medium text-brand-700 hover:underline" href={`?page=${page + 1}`}>Older</Link>}
        </span>
      </nav>
    </>
  );
}
