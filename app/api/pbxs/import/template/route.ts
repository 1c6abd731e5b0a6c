import { z } from "zod";
import { downloadHeaders } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { pbxImportTemplate } from "@/lib/pbx/import/columns";

/** The PBX import's template: the header and two example rows. */
export const GET = route({ permission: "pbx.manage", params: z.object({}).optional() }, async () => {
  // A byte-order mark, so a spreadsheet opens the file as UTF-8.
  const body = `\uFEFF${pbxImportTemplate()}`;
  return new Response(body, {
    headers: downloadHeaders(
      { fileName: "pbx-import-template.csv", contentType: "text/csv; charset=utf-8" },
      "attachment",
    ),
  });
});
