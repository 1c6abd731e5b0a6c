import { z } from "zod";
import { importPayments } from "@/lib/billing/payments";
import { route } from "@/lib/http/route";
import { readUploadedCsvText } from "@/lib/http/uploaded-file";
import { withExpensiveWork } from "@/lib/limits/expensive-work";

// The bank's payments file: a route, not a server action (actions take 1 MB bodies, multipart included).
export const POST = route(
  { permission: "invoices.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const text = await readUploadedCsvText(request);
    return withExpensiveWork(db, actor, "IMPORT", () => importPayments(db, actor, text, new Date()));
  },
);
