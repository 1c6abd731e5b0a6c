import { z } from "zod";
import { exportLocationsCsv } from "@/lib/emergency/csv";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { parseSearchParams } from "@/lib/http/search-params";

const ZExportFilter = z.object({ pbx: ZId.optional().catch(undefined) });

export const GET = route(
  { permission: "emergency.view", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { pbx } = parseSearchParams(ZExportFilter, Object.fromEntries(new URL(request.url).searchParams));
    const body = new TextEncoder().encode(await exportLocationsCsv(db, actor, { pbxId: pbx }));
    return new Response(body, {
      headers: downloadHeaders(
        { fileName: "emergency-locations.csv", contentType: "text/csv; charset=utf-8", sizeBytes: body.byteLength },
        "attachment",
      ),
    });
  },
);
