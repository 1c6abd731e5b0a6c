import { z } from "zod";
import { importLocationsCsv } from "@/lib/emergency/csv";
import { route } from "@/lib/http/route";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { readUploadedCsvText } from "@/lib/http/uploaded-file";

// Next hands a route without dynamic segments no params object, hence optional.
// A route, not a server action: a file of thousands of rows passes the actions' 1 MB limit.
export const POST = route(
  { permission: "emergency.edit", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const text = await readUploadedCsvText(request);
    return withExpensiveWork(db, actor, "IMPORT", () => importLocationsCsv(db, actor, text));
  },
);
