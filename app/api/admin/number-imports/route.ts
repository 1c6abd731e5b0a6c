import { z } from "zod";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { previewRangeImport } from "@/lib/numbers/range-import";

/** Uploads a ranges file (CSV or Excel) and answers the id of its preview. A route: files exceed an action's 1 MB. */
export const POST = route(
  { permission: "numbers.manage_inventory", params: z.object({}) },
  async ({ request, actor, db }) => {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("INVALID", "Choose a .csv or .xlsx file.", { file: ["Choose a .csv or .xlsx file."] });
    if (file.size > readRuntimeEnv().UPLOAD_MAX_BYTES) throw new AppError("TOO_LARGE", "The file is too large.");
    return previewRangeImport(db, actor, { name: file.name, bytes: await file.arrayBuffer() });
  },
);
