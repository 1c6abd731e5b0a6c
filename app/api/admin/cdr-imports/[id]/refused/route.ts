import { z } from "zod";
import { refusedRowsCsv } from "@/lib/cdr/import/uploads";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "cdr.import", params: z.object({ id: ZId }) }, async ({ params, actor, db }) => {
  const { fileName, csv } = await refusedRowsCsv(db, actor, params.id);
  const body = new TextEncoder().encode(csv);
  return new Response(body, {
    headers: downloadHeaders(
      { fileName, contentType: "text/csv; charset=utf-8", sizeBytes: body.byteLength },
      "attachment",
    ),
  });
});
