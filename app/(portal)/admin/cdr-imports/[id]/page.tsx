import type { Metadata } from "next";
import { z } from "zod";
import { ImportProgress } from "@/components/cdr/import-progress";
import { QueryProvider } from "@/components/providers/query-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { cdrImportDetail } from "@/lib/cdr/import/uploads";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";

const ZParams = z.object({ id: ZId });

export const metadata: Metadata = { title: "CDR import" };

export default async function CdrImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("cdr.import");
  const detail = await orNotFound(cdrImportDetail(db(), actor, parseRouteParams(ZParams, await params).id));
  const { id, status, rowsRead, rowsStored, rowsDuplicate, rowsRefused, report, error, refusedRows } = detail;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "CDR imports", href: "/admin/cdr-imports" }, { label: detail.fileName }]}
        title={detail.fileName}
        description={`Started ${formatDateTime(detail.createdAt)}${detail.createdBy ? ` by ${detail.createdBy.name}` : ""}${detail.pbx ? ` · PBX ${detail.pbx.name}` : ""}`}
      />
      <QueryProvider>
        <ImportProgress
          initial={{ id, status, rowsRead, rowsStored, rowsDuplicate, rowsRefused, report, error, refusedRows }}
        />
      </QueryProvider>
    </>
  );
}
