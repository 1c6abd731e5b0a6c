import { z } from "zod";
import { AppError } from "@/lib/errors";
import { startUploadImport } from "@/lib/cdr/import/uploads";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { route } from "@/lib/http/route";
import { withExpensiveWork } from "@/lib/limits/expensive-work";
import { requestCdrImport } from "@/lib/jobs/enqueue";

const ZUploadQuery = z.object({ kind: z.enum(["CALLS", "SMS"]).default("CALLS") });

/** An admin's CDR file upload (`?kind=SMS` for SMS records): stored, then imported by a background job. */
// A route without path segments may get no params object at all (seen on POST): accept none.
export const POST = route(
  { permission: "cdr.import", params: z.object({}).optional(), okStatus: 201 },
  async ({ request, actor, db }) => {
    const query = ZUploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("BAD_REQUEST", "kind is CALLS or SMS.");
    const { kind } = query.data;
    const { bytes, fileName } = await readUploadedFile(request);
    // Counts the uploads an admin starts (429 past the limits); the import itself runs in its job.
    return withExpensiveWork(db, actor, "IMPORT", async () => {
      const { id } = await startUploadImport(db, actor, { fileName, bytes, kind });
      await requestCdrImport(id);
      return { id };
    });
  },
);
