import { z } from "zod";
import { toCsv } from "@/lib/csv/cell";
import { downloadHeaders } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { parseSearchParams } from "@/lib/http/search-params";
import { exportNumbers, numbersCsv, ZNumberSearch } from "@/lib/numbers/queries";

export const GET = route({ permission: "numbers.view", params: z.object({}) }, async ({ request, actor, db }) => {
  const search = parseSearchParams(ZNumberSearch, Object.fromEntries(new URL(request.url).searchParams));
  const body = new TextEncoder().encode(toCsv(numbersCsv(await exportNumbers(db, actor, search))));
  return new Response(body, {
    headers: downloadHeaders(
      { fileName: "numbers.csv", contentType: "text/csv; charset=utf-8", sizeBytes: body.byteLength },
      "attachment",
    ),
  });
});
