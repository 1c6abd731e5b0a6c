import { z } from "zod";
import { auditCsv } from "@/lib/audit/audit-csv";
import { exportAuditEntries, ZAuditFilters } from "@/lib/audit/list-audit";
import { downloadHeaders } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { parseSearchParams } from "@/lib/http/search-params";

export const GET = route({ permission: "audit.view", params: z.object({}) }, async ({ request, actor, db }) => {
  const filters = parseSearchParams(ZAuditFilters, Object.fromEntries(new URL(request.url).searchParams));
  const body = new TextEncoder().encode(auditCsv(await exportAuditEntries(db, actor, filters)));
  return new Response(body, {
    headers: downloadHeaders(
      { fileName: "audit-log.csv", contentType: "text/csv; charset=utf-8", sizeBytes: body.byteLength },
      "attachment",
    ),
  });
});
