import { z } from "zod";
import { cdrImportDetail } from "@/lib/cdr/import/uploads";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

/** One import's progress and report: the detail page polls it while the import runs. */
export const GET = route({ permission: "cdr.import", params: z.object({ id: ZId }) }, ({ params, actor, db }) =>
  cdrImportDetail(db, actor, params.id),
);
