import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { CdrUpload } from "@/components/cdr/cdr-upload";
import { ImportStatusBadge } from "@/components/cdr/import-status-badge";
import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { PageHeader } from "@/components/ui/page-header";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { requirePermission } from "@/lib/auth/session";
import { listCdrImports } from "@/lib/cdr/import/uploads";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { formatBytes } from "@/lib/storage/validate-upload";

const ZSearch = z.object({ page: searchPage });
const SOURCE_LABEL = { UPLOAD: "Upload", COMMAND: "Command", API: "PBX API" } as const;

export const metadata: Metadata = { title: "CDR imports" };

export default async function CdrImportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("cdr.import");
  const { page } = parseSearchParams(ZSearch, await searchParams);
  const { rows, total, pageSize } = await listCdrImports(db(), actor, page);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <PageHeader
        title="CDR imports"
        description="Call and SMS records from files, the import command and the PBXs' API, with what each import stored and refused."
      />
      <section aria-label="Upload a CDR file" className="mb-8">
        <CdrUpload maxBytesLabel={formatBytes(readRuntimeEnv().UPLOAD_MAX_BYTES)} />
      </section>
      <TableScrollRegion label="CDR imports">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">CDR imports, newest first</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                File
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Started
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Read
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Stored
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Duplicates
              </th>
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Refused
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="px-4 py-2.5 font-medium">
                  <Link className="break-all text-brand-700 hover:underline" href={`/admin/cdr-imports/${row.id}`}>
                    {row.fileName}
                  </Link>
                  <span className="block text-xs font-normal text-muted-foreground">
                    {row.kind === "SMS" ? "SMS · " : ""}
                    {SOURCE_LABEL[row.source]}
                    {row.pbx ? ` · ${row.pbx.name}` : ""}
                    {row.createdBy ? ` · ${row.createdBy.name}` : ""}
                  </span>
                </th>
                <td className="whitespace-nowrap px-4 py-2.5 text-muted-foreground">{formatDateTime(row.createdAt)}</td>
                <td className="px-4 py-2.5">
                  <ImportStatusBadge status={row.status} />
                </td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(row.rowsRead)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(row.rowsStored)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(row.rowsDuplicate)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatNumber(row.rowsRefused)}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="px-4 py-10 text-center text-muted-foreground">
                  {page > 1 ? "No imports on this page." : "No imports yet. Upload a CDR file above."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScrollRegion>
      <NewerOlderPager total={total} noun="imports" page={page} pageCount={pageCount} />
    </>
  );
}
