import { z } from "zod";
import { importLocationsCsv } from "@/lib/emergency/csv";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { readUploadedFile } from "@/lib/http/uploaded-file";

// Next hands a route without dynamic segments no params object, hence optional.
// A route, not a server action: a file of thousands of rows passes the actions' 1 MB limit.
export const POST = route(
  { permission: "emergency.edit", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { bytes } = await readUploadedFile(request);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new AppError("INVALID", "Save the file as UTF-8 CSV and choose it again.");
    }
    return withExpensiveWork(db, actor, "IMPORT", () => importLocationsCsv(db, actor, text));
  },
);
