"use server";

import { revalidatePath } from "next/cache";
import { requestPriceListNotices, requestReratingAfterPublish } from "@/lib/jobs/enqueue";
import { action } from "@/lib/http/action";
import { publishDraft } from "@/lib/pricing/drafts";
import { publishPriceEdit } from "@/lib/pricing/import/publish";
import { ZPriceEdit, ZPublishDraft } from "@/lib/pricing/schemas";

/** After any publication: partners told, unpriced calls of the tier rated again (decisions 0016, 0041). */
async function afterPublishing(priceListId: string) {
  await requestPriceListNotices(priceListId);
  await requestReratingAfterPublish(priceListId);
  revalidatePath("/admin/price-lists");
  revalidatePath("/price-list");
}

export const publishPriceEditAction = action(
  { permission: "pricelist.manage", input: ZPriceEdit },
  async (input, { actor, db }) => {
    const version = await publishPriceEdit(db, actor, input);
    await afterPublishing(version.id);
    return { name: version.name };
  },
);

export const publishDraftAction = action(
  { permission: "pricelist.manage", input: ZPublishDraft },
  async (input, { actor, db }) => {
    const version = await publishDraft(db, actor, input);
    await afterPublishing(version.id);
    return { name: version.name, validFrom: version.validFrom };
  },
);
