import { z } from "zod";
import { route } from "@/lib/http/route";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { previewRangeImport } from "@/lib/numbers/range-import";

/**
 * Uploads a ranges file (CSV or Excel) and answers the id of its preview. A route: files exceed an
 * action's 1 MB. The body is read within the upload limit as it streams in; the file's own limits
 * (size, rows, a workbook's dimensions) are the import's.
 */
export const POST = route(
  { permission: "numbers.manage_inventory", params: z.object({}) },
  async ({ request, actor, db }) => {
    const { bytes, fileName } = await readUploadedFile(request);
    return withExpensiveWork(db, actor, "IMPORT", () =>
      previewRangeImport(db, actor, {
        name: fileName,
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      }),
    );
  },
);
