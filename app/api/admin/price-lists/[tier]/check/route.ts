import { z } from "zod";
import { route } from "@/lib/http/route";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { checkPriceListImport, importReport } from "@/lib/pricing/import/publish";
import { ZTierCode } from "@/lib/pricing/schemas";

// A workbook goes to a route handler, not a server action: actions cap request bodies at 1 MB.
// POST although nothing is stored: the workbook is the request's body.
export const POST = route(
  { permission: "pricelist.manage", params: z.object({ tier: ZTierCode }) },
  async ({ request, params, actor, db }) => {
    const { bytes } = await readUploadedFile(request);
    return importReport(await checkPriceListImport(db, actor, params.tier, bytes));
  },
);
