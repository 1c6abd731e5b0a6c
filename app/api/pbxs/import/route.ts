import { z } from "zod";
import { route } from "@/lib/http/route";
import { readUploadedCsvText } from "@/lib/http/uploaded-file";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { importPbxsCsv } from "@/lib/pbx/import/import-pbxs";

// A route, not a server action: server actions take bodies of 1 MB at most, a multipart envelope included.
export const POST = route(
  { permission: "pbx.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const text = await readUploadedCsvText(request);
    return withExpensiveWork(db, actor, "IMPORT", () => importPbxsCsv(db, actor, text));
  },
);
