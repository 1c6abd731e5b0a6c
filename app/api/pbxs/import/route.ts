import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { importPbxsCsv } from "@/lib/pbx/import/import-pbxs";

// A route, not a server action: server actions take bodies of 1 MB at most, a multipart envelope included.
export const POST = route(
  { permission: "pbx.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { bytes } = await readUploadedFile(request);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new AppError("INVALID", "Save the file as UTF-8 CSV and choose it again.");
    }
    return withExpensiveWork(db, actor, "IMPORT", () => importPbxsCsv(db, actor, text));
  },
);
