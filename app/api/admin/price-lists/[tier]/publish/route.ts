import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { requestPriceListNotices, requestReratingAfterPublish } from "@/lib/jobs/enqueue";
import { route } from "@/lib/http/route";
import { readUploadedForm } from "@/lib/http/uploaded-file";
import { publishPriceListImport } from "@/lib/pricing/import/publish";
import { ZPublishFields, ZTierCode } from "@/lib/pricing/schemas";

export const POST = route(
  { permission: "pricelist.manage", params: z.object({ tier: ZTierCode }), okStatus: 201 },
  async ({ request, params, actor, db }) => {
    const {
      file: { bytes },
      fields,
    } = await readUploadedForm(request);
    const { validFrom } = parseOrThrow(ZPublishFields, fields);
    const version = await publishPriceListImport(db, actor, { tierCode: params.tier, file: bytes, validFrom });
    await requestPriceListNotices(version.id);
    await requestReratingAfterPublish(version.id);
    revalidatePath("/admin/price-lists");
    revalidatePath("/price-list");
    return { id: version.id, name: version.name, validFrom: version.validFrom };
  },
);
