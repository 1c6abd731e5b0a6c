import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CommitImportButton } from "@/components/numbers/commit-import-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatCount, formatDateTime, formatNumber } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { parseRouteParams } from "@/lib/http/search-params";
import { rangeImport } from "@/lib/numbers/inventory";

const ZParams = z.object({ id: ZId });
export const metadata: Metadata = { title: "Range import" };

export default async function RangeImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("numbers.manage_inventory");
  const found = await rangeImport(db(), actor, parseRouteParams(ZParams, await params).id);
  if (!found) notFound();
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Number inventory", href: "/admin/numbers" }, { label: found.fileName }]}
        title={`Import of ${found.fileName}`}
        description={`${formatDateTime(found.createdAt)} · ${formatCount(found.rowCount, "row")}: ${found.acceptedCount} accepted, ${found.rejectedCount} refused.`}
        actions={
          found.status === "PREVIEWED" && found.acceptedCount > 0 ? (
            <CommitImportButton
              importId={found.id}
              ranges={found.acceptedCount}
              numbers={formatNumber(found.numberCount)}
            />
          ) : undefined
        }
      />
      {found.status === "COMMITTED" && (
        <Alert variant="success" className="mb-4">
          Imported {found.committedAt ? formatDateTime(found.committedAt) : ""}: {formatNumber(found.numberCount)}{" "}
          numbers.
        </Alert>
      )}
      {found.rejectedCount > 0 && (
        <Alert variant="warning" className="mb-4" data-testid="import-refused">
          {formatCount(found.rejectedCount, "row")} refused; they are not imported. Fix them and upload them again.
        </Alert>
      )}
      <TableScrollRegion label="Rows of the file">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Rows of the file</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              {["Row", "Country", "Type", "Area", "First", "Last", "Result"].map((h) => (
                <th key={h} scope="col" className="px-4 py-3 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {found.rows.map((r) => (
              <tr key={r.row} data-testid="import-row">
                <td className="px-4 py-2.5 tabular-nums">{r.row}</td>
                <td className="px-4 py-2.5">{r.countryCode}</td>
                <td className="px-4 py-2.5">{r.type}</td>
                <td className="px-4 py-2.5">{r.areaName || "—"}</td>
                <td className="px-4 py-2.5 font-mono">{r.firstE164}</td>
                <td className="px-4 py-2.5 font-mono">{r.lastE164}</td>
                <td className="min-w-48 px-4 py-2.5">
                  {r.error ? (
                    <span className="text-danger-700">{r.error}</span>
                  ) : (
                    <Badge variant="success">Accepted</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
    </>
  );
}
